import Foundation
import Testing
@testable import PolicyGraphCore

/// The byte table that numbers entity names and mention keys answers as a dictionary of
/// byte arrays, and the composed bytes it is given keep the equality of `String`.
@Suite struct ByteKeyTableTests {
    /// Keys of every kind the table meets and some it should not confuse: empty, one byte,
    /// keys that are prefixes of the key stored after them, non-BMP scalars, combining marks,
    /// CR LF, and many more keys than the first slots hold (the table grows several times).
    static let keys: [String] = {
        var keys = ["", "a", "ab", "abc", "b", "国务院", "国务院办公厅", "国务", "𠀀", "😀", "e\u{301}", "é", "\r\n", "\n", "\r",
                    "company:宁德时代", "company:宁德时代 ", "Ａ股", "\u{1112}\u{1161}\u{11AB}", "한"]
        var state: UInt64 = 7
        for step in 0..<3_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let index = Int(state >> 54)
            keys.append(step % 5 == 0 ? "名\(index)" : "company:\(index % 300)𠀀")
        }
        return keys + keys.prefix(40)
    }()

    /// Numbers in order of first use, `isNew` exactly for the first use, the same number on
    /// every later use, and `nil` for keys never given: as a dictionary of the keys' bytes.
    @Test(arguments: [0, 1, 5, 1_000])
    func tableNumbersAsADictionaryOfBytes(_ expected: Int) {
        var table = ByteKeyTable(expected: expected)
        var reference: [[UInt8]: Int] = [:]
        var failures: [String] = []
        #expect(Array("x".utf8).withUnsafeBufferPointer { table.existingNumber(of: $0) } == nil)
        for key in Self.keys {
            let bytes = Array(key.utf8)
            let known = reference[bytes]
            if bytes.withUnsafeBufferPointer({ table.existingNumber(of: $0) }) != known { failures.append("existing \(key)") }
            let (number, isNew) = bytes.withUnsafeBufferPointer { table.number(of: $0) }
            if let known {
                if isNew || number != known { failures.append("known \(key)") }
            } else {
                if !isNew || number != reference.count { failures.append("new \(key)") }
                reference[bytes] = reference.count
            }
        }
        #expect(table.count == reference.count)
        for (bytes, number) in reference where bytes.withUnsafeBufferPointer({ table.existingNumber(of: $0) }) != number {
            failures.append("again \(String(decoding: bytes, as: UTF8.self))")
        }
        for absent in ["abcd", "国", "company:宁德", "e", "😀😀", "\r\n\r\n"] {
            let bytes = Array(absent.utf8)
            if reference[bytes] == nil, bytes.withUnsafeBufferPointer({ table.existingNumber(of: $0) }) != nil { failures.append("absent \(absent)") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    /// Strings the composed bytes are taken of: plain (in place) and not (composed first).
    static let strings = ["", "国务院", "国务院\r\n", "国务院\n", "e\u{301}", "é", "e\u{301}cole", "école", "Ａ", "A", "𠀀", "😀",
                          "\u{1112}\u{1161}\u{11AB}", "한", "\u{3000}", "·", "“”", "a\u{308}\u{301}", "工业和信息化部 "]

    /// The bytes given are those of the string's canonical composition, as a key made of it holds.
    @Test(arguments: strings)
    func composedBytesAreThoseOfTheKey(_ string: String) {
        let given = CanonicalKey.withComposedBytes(of: string) { Array($0) }
        #expect(given == Array(CanonicalKey(string).text.utf8))
        #expect(given == Array(string.precomposedStringWithCanonicalMapping.utf8))
    }

    /// Equal composed bytes exactly for equal strings.
    @Test func composedBytesKeepStringEquality() {
        var failures: [String] = []
        for a in Self.strings {
            for b in Self.strings {
                let bytesEqual = CanonicalKey.withComposedBytes(of: a) { x in CanonicalKey.withComposedBytes(of: b) { y in Array(x) == Array(y) } }
                if bytesEqual != (a == b) { failures.append("bytes \(a)|\(b)") }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    /// Mention keys that are not entity indices and are `==` as strings (a combining mark and
    /// its composed letter) share a number; keys that differ (CR LF and LF) do not.
    @Test func mentionKeysOfEqualStringsShareANumber() {
        var table = MentionKeyTable(expected: 8)
        func numbered(_ answer: (number: Int, isNew: Bool)) -> [Int] { [answer.number, answer.isNew ? 1 : 0] }
        #expect(numbered(table.number(of: "company:e\u{301}cole")) == [0, 1])
        #expect(numbered(table.number(of: "entity:7")) == [1, 1])
        #expect(numbered(table.number(of: "company:école")) == [0, 0])
        #expect(numbered(table.number(of: MentionKey("company:école"))) == [0, 0])
        #expect(numbered(table.number(of: "company:国务院\r\n")) == [2, 1])
        #expect(numbered(table.number(of: "company:国务院\n")) == [3, 1])
        #expect(table.existingNumber(of: "company:e\u{301}cole") == 0)
        #expect(table.existingNumber(of: MentionKey("company:国务院\n")) == 3)
        #expect(table.existingNumber(of: "company:国务院") == nil)
        #expect(table.count == 4)
    }
}

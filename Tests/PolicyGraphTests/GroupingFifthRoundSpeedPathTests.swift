import Foundation
import Testing
@testable import PolicyGraphCore

/// The fifth round of speed work on grouping and output answers exactly as the paths it
/// replaced: `==` of names answered from their bytes, the escape test's overlapping words
/// and vectors against the byte loop, and the pretty writer's fused separators and vector
/// indents against `JSONEncoder`, at depths whose indents are longer than one vector.
@Suite struct GroupingFifthRoundSpeedPathTests {
    /// `CanonicalKey.matches` is `==` of its string on plain and other text: a compatibility
    /// ideograph (豈, U+F900, composes to U+8C48), combining marks, Hangul jamo, carriage returns.
    @Test func matchesIsStringEquality() {
        let strings = ["国务院", "国务院\r\n", "国务院\n", "e\u{301}", "é", "Ａ", "A", "工业和信息化部", "工业和信息化部 ", "\u{3000}", "·",
                       "“”", "한국", "\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}", "\u{F900}", "\u{8C48}", "\u{F900}国", "\u{8C48}国",
                       "国家发展改革委", "国家发展和改革委员会", "", "a\u{30A}", "å", "\u{212B}", "Å"]
        var failures: [String] = []
        for a in strings {
            for b in strings where CanonicalKey(a).matches(b) != (a == b) { failures.append("\(a)|\(b)") }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// Plain text is exactly the text whose scalars `PlainUTF8` reads as plain (the inline ASCII
    /// and ideograph steps agree with it).
    @Test func plainTestAgreesWithPlainUTF8() {
        let strings = ["国务院", "国务院\r\n", "e\u{301}", "Ａ", "\u{F900}", "·", "一二三abc", "\u{3000}", "\u{4000}\u{9FFF}", "\u{A000}", "。，"]
        for string in strings {
            let bytes = Array(string.utf8)
            let plain = bytes.withUnsafeBufferPointer { CanonicalKey.isPlain($0) }
            let reference = bytes.withUnsafeBufferPointer { PlainUTF8.plainCount($0) != nil }
            #expect(plain == reference, "\(string)")
        }
    }

    /// The escape test (overlapping vectors, overlapping 64- and 32-bit words, the last three
    /// bytes one by one) agrees with the byte loop for each special byte and its neighbours at
    /// every place of strings of 0–70 bytes, slashes escaped or not.
    @Test func escapeTestAgreesWithTheByteLoop() {
        var failures: [[UInt8]] = []
        let specials: [UInt8] = [0x00, 0x0A, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x2E, 0x2F, 0x30, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xE4, 0xFF]
        let filler = Array("中文新闻文本abcdefghijklmnop工业和信息化部印发方案国务院关于加快发展先进制造业的意见".utf8)
        for slashes in [false, true] {
            for length in 0...70 {
                let clean = Array(filler.prefix(length))
                if clean.withUnsafeBufferPointer({ JSONEscaping.needsEscape($0, slashes: slashes) }) { failures.append(clean) }
                for place in 0..<length {
                    for special in specials {
                        var bytes = clean
                        bytes[place] = special
                        let slow = bytes.contains { (byte: UInt8) -> Bool in byte < 0x20 || byte == 0x22 || byte == 0x5C || (slashes && byte == 0x2F) }
                        if bytes.withUnsafeBufferPointer({ JSONEscaping.needsEscape($0, slashes: slashes) }) != slow { failures.append(bytes) }
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(3))")
    }

    /// A value nested `depth` deep: objects and arrays in turn, with strings (escaped and not),
    /// integers, empty arrays and objects at every level.
    indirect enum Nested: Encodable {
        case object([String: Nested])
        case array([Nested])
        case string(String)
        case int(Int)
        case null

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .object(let members):
                var container = encoder.container(keyedBy: Key.self)
                for (key, value) in members { try container.encode(value, forKey: Key(stringValue: key)) }
            case .array(let values):
                var container = encoder.unkeyedContainer()
                for value in values { try container.encode(value) }
            case .string(let text):
                var container = encoder.singleValueContainer()
                try container.encode(text)
            case .int(let value):
                var container = encoder.singleValueContainer()
                try container.encode(value)
            case .null:
                var container = encoder.singleValueContainer()
                try container.encodeNil()
            }
        }

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        /// Written through the writer, keys in sorted order as `JSONEncoder` sorts these.
        func write(to json: inout PrettyJSONWriter) {
            switch self {
            case .object(let members):
                json.beginObject()
                for key in members.keys.sorted() {
                    json.key(key)
                    members[key]!.write(to: &json)
                }
                json.endObject()
            case .array(let values):
                if values.allSatisfy({ if case .int = $0 { true } else { false } }) {
                    json.ints(values.map { if case .int(let value) = $0 { value } else { 0 } })
                } else if values.allSatisfy({ if case .string = $0 { true } else { false } }) {
                    json.strings(values.map { if case .string(let text) = $0 { text } else { "" } })
                } else {
                    json.beginArray()
                    for value in values { value.write(to: &json) }
                    json.endArray()
                }
            case .string(let text): json.string(text)
            case .int(let value): json.int(value)
            case .null: json.null()
            }
        }

        static func make(depth: Int) -> Nested {
            let leaves: [String: Nested] = [
                "a_name": .string("工业和信息化部"), "b_escaped": .string("quote \" backslash \\ slash / tab\t"),
                "c_ints": .array([.int(-5), .int(0), .int(1_234_567_890_123)]), "d_empty": .array([]), "e_null": .null,
                "f_strings": .array([.string("一"), .string("long enough to take more than one vector of sixteen bytes 国务院")]),
                "g_none": .object([:]), "h_no_strings": .array([]),
            ]
            guard depth > 0 else { return .object(leaves) }
            var members = leaves
            members["i_nested"] = depth.isMultiple(of: 2) ? .array([make(depth: depth - 1), .int(depth)]) : make(depth: depth - 1)
            return .object(members)
        }
    }

    /// The pretty writer's bytes are `JSONEncoder`'s at every depth up to 14 (indents of up to
    /// 56 spaces, past the sixteen one vector store writes), in chunks as in one piece.
    @Test(arguments: [0, 1, 3, 7, 8, 9, 14]) func prettyWriterMatchesJSONEncoderAtDepth(_ depth: Int) throws {
        let value = Nested.make(depth: depth)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = Array(try encoder.encode([value, value]))
        var written: [UInt8] = []
        var json = PrettyJSONWriter { written.append(contentsOf: $0) }
        json.beginArray()
        value.write(to: &json)
        value.write(to: &json)
        json.endArray()
        json.finish()
        #expect(written == expected, "\(String(decoding: written.prefix(400), as: UTF8.self))")
    }

    /// Keys numbered with one probe each: numbers in order of first use, `isNew` exactly for the
    /// first use, whether a key is an entity's index or a name, and the table grows as they come.
    @Test func mentionKeysAreNumberedOnceInOrderOfFirstUse() {
        var table = MentionKeyTable()
        var order: [String] = []
        var seen: Set<String> = []
        var failures: [String] = []
        for step in 0..<5_000 {
            let key = step % 3 == 0 ? "company:名\(step % 211)" : Mention.entityKey((step * 7_919) % 1_733)
            let (number, isNew) = table.number(of: key)
            if seen.insert(key).inserted {
                order.append(key)
                if !isNew || number != order.count - 1 { failures.append("new \(key)") }
            } else if isNew || order[number] != key {
                failures.append("known \(key)")
            }
        }
        #expect(table.count == order.count)
        for (number, key) in order.enumerated() where table.existingNumber(of: key) != number { failures.append("existing \(key)") }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }
}

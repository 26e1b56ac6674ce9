import Foundation
import Testing
@testable import PolicyGraphCore

/// The byte paths that replaced `String` work in recognition, text preparation
/// and the JSON writer answer as the paths they replaced.
@Suite struct RecognitionSpeedPathTests {
    // MARK: Byte affixes

    @Test(arguments: [
        ("宁远科技有限公司", "有限公司", true),      // a legal form
        ("宁远科技有限公司", "有限", false),         // inside, not at the end
        ("有限公司", "宁远科技有限公司", false),      // longer than the text
        ("实施方案", "", true),                     // the empty suffix
        ("", "", true),
        ("abc", "bc", true),                       // small (inline) strings
        ("十四五规划纲要（2021-2035年）", "2035年）", true),
        ("车\u{F900}", "\u{8C48}", true),          // a compatibility ideograph is its unified one: the String path
        ("车\u{8C48}", "\u{F900}", true),
        ("か\u{3099}", "が", true),                  // kana and a voicing mark are the precomposed kana
        ("公司\u{301}", "公司", false),              // a combining mark ends the last character
        ("a\r\n", "\n", false),                     // CR LF is one character
        ("\u{600}公司", "\u{600}公司", true),         // a prepended mark before the whole text
        ("x\u{600}公司", "公司", false),              // …joins the character after it
    ]) func suffixAsCharacters(text: String, suffix: String, expected: Bool) {
        #expect(text.hasUTF8Suffix(suffix) == expected)
        #expect(text.hasSuffix(suffix) == expected)
    }

    @Test(arguments: [
        ("suffix:有限公司", "suffix:", true),
        ("本市企业", "本市", true),
        ("本市", "本市企业", false),
        ("企业本市", "本市", false),
        ("", "", true),
        ("\u{F900}企业", "\u{8C48}", true),          // a compatibility ideograph: the String path
        ("公司\u{301}x", "公司", false),             // a combining mark after the prefix
        ("\r\nx", "\r", false),                     // CR LF
    ]) func prefixAsCharacters(text: String, prefix: String, expected: Bool) {
        #expect(text.hasUTF8Prefix(prefix) == expected)
        #expect(text.hasPrefix(prefix) == expected)
    }

    // MARK: Names searched one by one or in one pass

    /// More names than are searched one by one take the one-pass path; fewer the
    /// `memchr` path; both find what a search per name finds.
    @Test(arguments: [3, AliasResolution.namesSearchedOneByOne + 4])
    func occurrencesOfNamesEitherWay(count: Int) {
        let pool = ["欧阳明高", "王明", "王明高", "AB", "欧阳", "李华", "华为", "宁德时代", "时代", "蔚来", "小鹏", "理想", "比亚迪", "长安", "上汽"]
        let names = Array(pool.prefix(count))
        let text = "欧阳明高表示，王明和王明高说，AB与ABAB，李华在华为，宁德时代与时代、蔚来小鹏理想比亚迪长安上汽，欧阳明高欧阳明高"
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let cursor = TextCursor(bytes: buffer)
            let starts = names.indices.map { $0 % 3 == 0 ? 0 : min(buffer.count + 5, 20 * $0) }
            let found = AliasResolution.occurrences(of: names, in: cursor, from: starts)
            for (index, name) in names.enumerated() {
                let start = min(starts[index], buffer.count)
                #expect(found[index] == ExtractionSpeedPathTests.naiveOccurrences(of: Array(name.utf8), in: start..<buffer.count, bytes: bytes),
                        "\(name)")
            }
        }
    }

    // MARK: The JSON writer

    @Test(arguments: [0, 7, -7, 2027, -2027, 1_000_000, Int.max, Int.min])
    func integersAsStringSpellsThem(value: Int) {
        var bytes: [UInt8] = []
        var json = PrettyJSONWriter { bytes += $0 }
        json.int(value)
        json.finish()
        #expect(String(decoding: bytes, as: UTF8.self) == String(value))
    }

    @Test func literalKeysAsStringKeys() {
        func written(_ body: (inout PrettyJSONWriter) -> Void) -> String {
            var bytes: [UInt8] = []
            var json = PrettyJSONWriter { bytes += $0 }
            body(&json)
            json.finish()
            return String(decoding: bytes, as: UTF8.self)
        }
        let literal = written { json in
            json.beginObject(); json.key("a" as StaticString); json.string("x\"y"); json.key("b_c" as StaticString); json.int(-1); json.endObject()
        }
        let string = written { json in
            json.beginObject(); json.key(String("a")); json.string("x\"y"); json.key(String("b_c")); json.int(-1); json.endObject()
        }
        #expect(literal == string)
        #expect(literal == "{\n  \"a\" : \"x\\\"y\",\n  \"b_c\" : -1\n}")
    }

    // MARK: Decoding

    @Test(arguments: [
        ([0xE5, 0xAE, 0x81], nil),                   // 宁
        ([0x61, 0xE0, 0x80, 0x80], 1),               // an overlong three-byte form
        ([0xE0, 0xA0, 0x80], nil),                   // the first three-byte scalar, U+0800
        ([0xED, 0xA0, 0x80], 0),                     // a surrogate
        ([0xED, 0x9F, 0xBF], nil),                   // U+D7FF, just before the surrogates
        ([0xE5, 0xAE], 0),                           // cut short at the end
        ([0xE5, 0x41, 0x81], 0),                     // a continuation missing
        ([0xEF, 0xBF, 0xBF, 0xF4, 0x90, 0x80, 0x80], 3), // U+FFFF, then beyond U+10FFFF
    ] as [([UInt8], Int?)]) func invalidUTF8(bytes: [UInt8], expected: Int?) {
        #expect(TextDecoding.firstInvalidUTF8(bytes) == expected)
        #expect((String(validating: bytes, as: UTF8.self) == nil) == (expected != nil))
    }

    @Test func nulIsFound() {
        #expect(TextDecoding.firstNUL(Array("宁远".utf8)) == nil)
        #expect(TextDecoding.firstNUL([0x41, 0x00, 0x42, 0x00]) == 1)
        #expect(TextDecoding.firstNUL([]) == nil)
    }

    /// The middle dot of a foreign name is a C2 sequence but no doubly encoded text;
    /// text doubly encoded is still told.
    @Test func doublyEncodedTextIsStillTold() {
        #expect(TextDecoding.doublyEncodedWarning(Array("拉姆·伊曼纽尔说".utf8), file: "a.txt") == nil)
        // 工业 (E5 B7 A5 E4 B8 9A) read as Latin-1 and saved as UTF-8 again.
        let once = String(String.UnicodeScalarView([0xE5, 0xB7, 0xA5, 0xE4, 0xB8, 0x9A].compactMap(Unicode.Scalar.init)))
        let damaged = String(repeating: once, count: 10)
        #expect(TextDecoding.doublyEncodedWarning(Array(damaged.utf8), file: "a.txt") != nil)
    }
}

extension RecognitionSpeedPathTests {
    @Test(arguments: [
        ("部分企业", "部分", true),
        ("若干企业", "部分", false),
        ("企业", "企业若干", false),
        ("abc", "", false),                 // Foundation finds the empty word nowhere
        ("宁远科技等多家企业", "多家", true),
        ("若干\u{F900}企业", "\u{8C48}", true),       // a compatibility ideograph: Foundation's path
        ("e\u{301}tude", "e", true),                // Foundation finds the e of é (the String path, as before)
    ]) func containsAsCharacters(text: String, word: String, expected: Bool) {
        #expect(text.containsUTF8(word) == expected)
        #expect(text.contains(word) == expected)
    }

    /// More needles than are searched one by one take the pass with the table of byte
    /// pairs; both give what a search per needle gives, in position order.
    @Test func occurrencesOfManyNeedlesEitherWay() {
        let words = ["董事长", "旗下", "公告称", "公告", "等", "等等", "高等", "（", "(", "）", "a", "aa"]
        let text = "宁远科技董事长表示，宁远科技旗下公司公告称等等等级高等院校等（600000）和(688012.SH)aaaa"
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let cursor = TextCursor(bytes: buffer)
            let few = words.map { Array($0.utf8) }
            // The same needles, repeated past the threshold: the later copies find nothing new
            // for their own index only where the earlier copy took the place (non-overlap is per needle).
            var many = few
            while many.count <= TextCursor.needlesSearchedOneByOne { many += few }
            for needles in [few, many] {
                var expected: [(position: Int, needle: Int)] = []
                for (index, needle) in needles.enumerated() {
                    expected += ExtractionSpeedPathTests.naiveOccurrences(of: needle, in: 0..<buffer.count, bytes: bytes).map { ($0, index) }
                }
                expected.sort { $0.position != $1.position ? $0.position < $1.position : $0.needle < $1.needle }
                let found = cursor.occurrences(ofAny: needles, in: 0..<buffer.count)
                #expect(found.map(\.position) == expected.map(\.position))
                #expect(found.map(\.needle) == expected.map(\.needle))
            }
        }
    }
}

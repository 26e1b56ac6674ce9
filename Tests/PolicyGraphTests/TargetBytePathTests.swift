import Foundation
import Testing
@testable import PolicyGraphCore

/// The byte paths of the relation extractors and of entity grouping (``CanonicalKey``,
/// ``PlainWords``, the byte path of `isIssued`) give what the `String` paths they
/// replace gave.
@Suite struct TargetBytePathTests {
    @Test(arguments: [
        ("工业和信息化部", "工业和信息化部"),         // the same CJK text
        ("工业和信息化部", "工业和信息化"),           // a prefix
        ("国务院", "国务部"),                      // one character differs
        ("", ""),                                // empty
        ("", "a"),
        ("ABC", "ABC"),                          // ASCII
        ("é", "e\u{301}"),                       // composed and decomposed: equal as Strings
        ("\u{F900}", "\u{8C48}"),                // a compatibility ideograph and its canonical form
        ("が", "か\u{3099}"),                    // a voiced kana, composed and not
        ("한", "\u{1112}\u{1161}\u{11AB}"),      // a Hangul syllable and its jamo
        ("\u{2000}", "\u{2002}"),                // en quad and en space (a canonical singleton)
        ("固态电池\r\n", "固态电池\r\n"),             // CR LF, not plain
        ("固态电池👍🏽", "固态电池👍"),               // an emoji sequence
    ])
    func canonicalKeysAreEqualAsStringsAre(_ a: String, _ b: String) {
        #expect((CanonicalKey(a) == CanonicalKey(b)) == (a == b), "\(a) / \(b)")
        if a == b { #expect(CanonicalKey(a).hashValue == CanonicalKey(b).hashValue) }
        #expect(CanonicalKey(a) == CanonicalKey(a))
    }

    @Test func entityNamesFindAKeyByAnyCanonicalForm() {
        var names = EntityNames()
        names["e\u{301}cole"] = "École"
        #expect(names["école"] == "École")
        #expect(names["ecole"] == nil)
        names["école"] = "Other"
        #expect(names["e\u{301}cole"] == "Other")
        #expect(Array(names.values) == ["Other"])
    }

    @Test(arguments: [
        ("印发", ["印发"], true),
        ("", ["印发"], false),            // an empty word: hasPrefix("") is true, so the String path decides
        ("e\u{301}", ["印发"], false),    // a word that is not plain
    ])
    func plainWordsTakeOnlyPlainWords(_ word: String, _ others: [String], _ compiled: Bool) {
        #expect((PlainWords([word] + others) != nil) == compiled)
    }

    @Test(arguments: [
        // text, from, to, expected window (nil: the String path)
        ("印发《方案》", 0, 6, 0..<6 as Range<Int>?),
        ("印发《方案》", 1, 6, 3..<6),       // a scalar cut at the start reads as U+FFFD: left out
        ("印发《方案》", 0, 5, 0..<3),       // cut at the end
        ("印发é方案", 0, 9, nil),            // Latin-1 é is not plain
        ("ab\r\n", 0, 4, nil),              // CR pairs with LF
        ("ab", 0, 2, 0..<2),
    ] as [(String, Int, Int, Range<Int>?)])
    func plainWindowLeavesOutCutScalars(_ text: String, _ from: Int, _ to: Int, _ expected: Range<Int>?) {
        let bytes = Array(text.utf8)
        let window = bytes.withUnsafeBufferPointer { PlainWords.plainWindow($0, from: from, to: to) }
        #expect(window == expected)
    }

    /// Every title (《…》) and every quoted name (“…”) of the seeds and dev texts, and each
    /// of them shifted by a byte or a scalar: the byte path of `isIssued` says what the `String` path says.
    @Test func isIssuedAgreesWithTheStringPathOnRealText() throws {
        let extractor = sharedExtractor.targetExtractor
        let words = try #require(extractor.issuingBytes)
        var checked = 0, issued = 0, failures: [String] = []
        for text in TargetSpeedPathTests.texts {
            let normalized = sharedExtractor.normalize(SourceDocument(name: "t.txt", string: text))
            normalized.bytes.withUnsafeBufferPointer { bytes in
                let cursor = TextCursor(bytes: bytes)
                var index = 0
                while index + 3 <= bytes.count {
                    defer { index += 1 }
                    guard bytes[index] == 0xE3, bytes[index + 1] == 0x80, bytes[index + 2] == 0x8A || bytes[index + 2] == 0x8B else { continue }
                    for (start, end) in [(index, min(bytes.count, index + 30)), (index + 3, min(bytes.count, index + 27)),
                                         (max(0, index - 20), index), (max(0, index - 21), index + 3)] where start < end {
                        let mention = Mention(range: start..<end, type: .policy, surface: "", entityIndex: nil, rule: "test", key: "")
                        guard let fast = extractor.isIssuedOnBytes(mention, words: words, bytes: bytes) else { continue }
                        checked += 1
                        if fast { issued += 1 }
                        if fast != extractor.isIssuedOnString(mention, cursor: cursor) { failures.append(cursor.text(start..<end)) }
                    }
                }
            }
        }
        #expect(checked > 500)
        #expect(issued > 10)
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    /// Every stretch of the seeds and dev texts, bare and wrapped in quote marks, clause marks
    /// and spaces, and edge rows: the byte trimming gives what `trimmingCharacters(in:)` gives.
    @Test func quoteTrimmingAgreesWithFoundation() {
        let edges = ["", "“", "”", "\"", "。", "，", ",", "；", ";", "：", ":", " ", "“，", "。”", " ：“"]
        var rows = ["", "“”", "“固态电池”", "e\u{301}，", "，👍🏽，", "\u{3000}将于2025年\u{3000}", "“\u{301}", "：\r\n："]
        for stretch in TargetSpeedPathTests.stretches.prefix(4000) {
            rows.append(stretch)
            for (index, edge) in edges.enumerated() { rows.append(edge + stretch + edges[(index * 7) % edges.count]) }
        }
        var failures: [String] = []
        for row in rows where TargetExtractor.trimmingQuoteEdges(row) != row.trimmingCharacters(in: TargetExtractor.quoteEdges) {
            failures.append(row)
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    /// The word-at-a-time test for bytes JSON escapes (with and without slashes) agrees with the byte loop, for each
    /// such byte and its neighbours at every place of strings of 0–24 bytes.
    @Test func jsonEscapeTestAgreesWithTheByteLoop() {
        var failures: [[UInt8]] = []
        let specials: [UInt8] = [0x00, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x2E, 0x2F, 0x30, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xE4, 0xFF]
        for slashes in [false, true] {
            for length in 0...24 {
                for place in 0..<max(length, 1) {
                    for special in specials {
                        var bytes: [UInt8] = Array("中文新闻文本abcdefghijklmnop".utf8.prefix(length))
                        if place < bytes.count { bytes[place] = special }
                        let slow = bytes.contains { (byte: UInt8) -> Bool in byte < 0x20 || byte == 0x22 || byte == 0x5C || (slashes && byte == 0x2F) }
                        if bytes.withUnsafeBufferPointer({ JSONEscaping.needsEscape($0, slashes: slashes) }) != slow { failures.append(bytes) }
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(3))")
    }
}

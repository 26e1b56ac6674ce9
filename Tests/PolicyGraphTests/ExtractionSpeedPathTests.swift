import Foundation
import Testing
@testable import PolicyGraphCore

/// The byte paths that replace Foundation and `Character` work on the
/// extraction path give exactly what the `String` paths gave.
@Suite struct ExtractionSpeedPathTests {
    /// Texts for trimming and cutting: each row is one kind of edge.
    static let texts: [String] = [
        "",                                   // empty
        "   ",                                // only spaces
        "\u{3000}\t\n国务院印发《方案》。\u{3000}\n", // ideographic space, tab, line breaks at both ends
        "  a  b  ",                           // inner spaces kept
        "\u{A0}\u{2009}名称\u{202F}\u{205F}",  // no-break and thin spaces are white space
        "\u{85}\u{2028}名称\u{2029}",          // NEL and line/paragraph separators are line breaks
        "名称\u{200B}",                        // Foundation counts the zero-width space as white space
        "\u{FEFF}名称\u{180E}",                // byte-order mark and Mongolian vowel separator: the String path
        "\u{2060}名称\u{200C}",                // word joiner (kept) and zero-width non-joiner (the String path)
        "e\u{301}tude",                       // a combining mark: the String path
        "\r\n名称\r\n",                        // CR LF: the String path
        "👍🏽 好",                               // emoji with a modifier: the String path
        "\u{1680}名称",                        // ogham space: the String path (still trimmed)
        "“中国”《方案》（试行）——2025年",         // punctuation of news text
        String(repeating: "中", count: 199),  // under the limit
        String(repeating: "中", count: 200),  // at the limit
        String(repeating: "中", count: 201),  // one over
        String(repeating: "中", count: 200) + "  ",          // trailing spaces at the limit
        String(repeating: "中", count: 250) + "e\u{301}",    // a combining mark past the limit changes the count
        String(repeating: "a", count: 150) + " " + String(repeating: "b", count: 100), // a space inside the cut
    ]

    static func foundationSentence(_ text: String, limit: Int) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.count <= limit ? trimmed : String(trimmed.prefix(limit))
    }

    @Test(arguments: texts) func simpleTextMatchesFoundation(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            if let range = UTF8Trimming.simpleText(buffer, in: 0..<buffer.count, limit: 200) {
                #expect(String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self) == Self.foundationSentence(text, limit: 200))
            }
            if let range = UTF8Trimming.simpleTrimmed(buffer, in: 0..<buffer.count) {
                #expect(String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self) == text.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
    }

    /// Every scalar the byte path covers is white space exactly when Foundation trims it.
    @Test func whiteSpaceAgreesWithFoundationOnEveryCoveredScalar() {
        var disagreements: [String] = []
        for value in UInt32(0)..<0x10000 where UTF8Trimming.isSingleGrapheme(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let trimmedAway = "a\(scalar)a".trimmingCharacters(in: .whitespacesAndNewlines) == "a\(scalar)a"
                && String(scalar).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            if UTF8Trimming.isWhitespaceOrNewline(value) != trimmedAway { disagreements.append(String(value, radix: 16)) }
        }
        #expect(disagreements.isEmpty, "U+\(disagreements.joined(separator: ", U+"))")
    }

    /// Texts the byte path must leave to the `String` path, and one it must take.
    @Test func simpleTextDeclinesWhatItDoesNotCover() {
        func covered(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { UTF8Trimming.simpleTrimmed($0, in: 0..<$0.count) != nil }
        }
        #expect(covered("国务院 2025年“十四五”（试行）"))
        #expect(!covered("e\u{301}"))
        #expect(!covered("a\r\nb"))
        #expect(!covered("👍"))
        #expect(!covered("\u{F900}")) // a compatibility ideograph: canonically equivalent to another
        // Malformed bytes: a lone continuation byte and a cut sequence.
        #expect([UInt8]([0x41, 0x80]).withUnsafeBufferPointer { UTF8Trimming.simpleTrimmed($0, in: 0..<2) } == nil)
        #expect([UInt8]([0x41, 0xE4, 0xB8]).withUnsafeBufferPointer { UTF8Trimming.simpleTrimmed($0, in: 0..<3) } == nil)
    }

    /// Sentences through `TextSegments`, byte path and `String` path alike.
    @Test(arguments: texts) func sentenceTextMatchesFoundation(_ text: String) {
        let bytes = Array(("前文。" + text).utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let segments = TextSegments(buffer)
            let offset = Array("前文。".utf8).count
            guard let index = segments.sentenceIndex(containing: offset) else { return }
            let expected = Self.foundationSentence(String(decoding: UnsafeBufferPointer(rebasing: buffer[segments.sentences[index].range]), as: UTF8.self), limit: 200)
            #expect(segments.sentenceText(containing: offset, cursor: TextCursor(bytes: buffer)) == expected)
        }
    }

    /// Surfaces with the marks `clean` takes off.
    static let surfaces: [(surface: String, clean: String)] = [
        ("《工业领域碳达峰实施方案》", "工业领域碳达峰实施方案"),
        ("《《方案》》", "方案"),
        ("“中国制造2025”", "“中国制造2025”"),   // a quoted name keeps its quotes
        ("“中国制造2025", "中国制造2025"),        // an unpaired opening quote goes
        ("中国制造2025”", "中国制造2025"),        // an unpaired closing quote goes
        (" 国务院\u{3000}", "国务院"),
        ("《", ""),
        ("", ""),
        ("《e\u{301}》", "e\u{301}"),             // the String path
    ]

    @Test func cleanTakesOffTheSameMarks() {
        for (surface, clean) in Self.surfaces {
            #expect(EntityGrouping.clean(surface) == clean, "\(surface)")
        }
    }

    // MARK: The JSON writer against JSONEncoder

    static func foundationJSON(_ extractions: [DocumentExtraction]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        var data = try encoder.encode(extractions)
        data.append(0x0A)
        return data
    }

    /// Values that exercise every key, null, empty array and escape.
    static var awkwardExtractions: [DocumentExtraction] {
        let controls = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
        let odd = "a\"b\\c/d\u{7F}\u{2028}\u{2029}😀é" + controls
        var first = DocumentExtraction(document: "dir/\(odd).txt", published: nil, publishedSource: nil, entities: [
            ExtractedEntity(type: .company, name: odd, aliases: [], id: nil, canonical: nil, mentions: 0, offsets: [], rule: "r", sentence: nil),
            ExtractedEntity(type: .policy, name: "《方案》", aliases: ["a", odd], id: "policy:x", canonical: "方案", mentions: 12_345_678,
                            offsets: [0, Int.max], rule: "dictionary", sentence: "句子。"),
        ], targets: [
            ExtractedTarget(subject: "s", time: TargetTime(relation: "by", year: nil, month: nil, end_year: nil), topic: nil, action: nil, value: nil,
                            modality: "goal", quote: odd, rule: "subject.nearest", subjectOffsets: [], timeOffsets: [1, 2], actionOffsets: nil),
            ExtractedTarget(subject: "s", time: TargetTime(relation: "between", year: 2025, month: 12, end_year: 2027, end_month: 3, text: "2025年"),
                            topic: "t", action: "a", value: "13.5%", modality: "promise", quote: "q", rule: "r", subjectOffsets: [3, 4],
                            technology: "固态电池", timeOffsets: [5, 6], actionOffsets: [7, 8]),
        ], issued: [
            IssuedPair(issuer: "i", policy: "p", rule: nil, sentence: nil, issuerOffsets: nil, verbOffsets: nil, policyOffsets: nil),
            IssuedPair(issuer: "i", policy: "p", rule: "issued.verb", sentence: odd, issuerOffsets: [1, 2], verbOffsets: [3, 4], policyOffsets: [5, 6]),
        ])
        first.located = [LocatedPair(entity: "e", place: "p", sentence: nil, offsets: [1, 2]), LocatedPair(entity: "e", place: "p", sentence: "s", offsets: [])]
        first.leftOut = [LeftOutPart(range: 3..<9, reason: "nav", excerpt: odd)]
        first.offsetsNote = "the text pdftotext extracted"
        let second = DocumentExtraction(document: "b.txt", published: "2025-03", publishedSource: .jsonLD, entities: [])
        return [first, second]
    }

    @Test func writerMatchesJSONEncoder() throws {
        for extractions in [[], Self.awkwardExtractions, seedExtractions] {
            let written = try ExtractionJSON.encode(extractions)
            let expected = try Self.foundationJSON(extractions)
            #expect(written == expected, "\(GoldenExtractionTests.firstDifference(written, expected))")
        }
    }

    /// The streamed chunks put together are the document.
    @Test func writerStreamsInChunks() throws {
        let many = Array(repeating: seedExtractions, count: 4).flatMap { $0 }
        var chunks: [[UInt8]] = []
        ExtractionJSON.write(many) { chunks.append($0) }
        #expect(chunks.count > 1)
        #expect(chunks.dropLast().allSatisfy { $0.count >= ExtractionJSONWriter.chunkSize })
        #expect(Data(chunks.joined()) == (try Self.foundationJSON(many)))
    }

    // MARK: DateScan.find

    @Test(arguments: [
        ("<META name=\"PubDate\" content=\"2023-05-17\">", "pubdate", true, 12),  // either case
        ("xxpubdatE", "PUBDATE", true, 2),
        ("发布时间：2025-01-20", "发布时间", false, 0),
        ("abc", "abcd", false, -1),                                                // longer than the text
        ("aaab", "aab", false, 1),                                                 // overlapping candidates
        ("Date date", "date", false, 5),                                           // case-sensitive
        ("@[", "`{", true, -1),                                                    // not letters: no case folding
    ]) func findMatchesTheByteLoop(_ row: (String, String, Bool, Int)) {
        let (text, word, caseInsensitive, expected) = row
        let bytes = Array(text.utf8)
        for from in [0, 1] {
            let found = DateScan.find(Array(word.utf8), in: bytes[...], from: from, caseInsensitive: caseInsensitive)
            let reference = expected >= from ? expected : Self.slowFind(Array(word.utf8), in: bytes, from: from, caseInsensitive: caseInsensitive)
            #expect(found ?? -1 == reference, "\(text) \(word) from \(from)")
        }
        // A slice that does not start at 0 answers in the array's indices.
        let shifted = Array("----".utf8) + bytes
        #expect(DateScan.find(Array(word.utf8), in: shifted[4...], from: 4, caseInsensitive: caseInsensitive) ?? -1 == (expected < 0 ? -1 : expected + 4))
    }

    static func slowFind(_ word: [UInt8], in bytes: [UInt8], from: Int, caseInsensitive: Bool) -> Int {
        guard word.count <= bytes.count, max(0, from) <= bytes.count - word.count else { return -1 }
        for index in max(0, from)...(bytes.count - word.count) {
            if (0..<word.count).allSatisfy({ DateScan.same(bytes[index + $0], word[$0], caseInsensitive) }) { return index }
        }
        return -1
    }
    // MARK: TextCursor.occurrences(ofAny:)

    @Test(arguments: [
        ("宁远科技董事长表示，宁远科技旗下公司公告称", ["董事长", "旗下", "公告称", "公告"]),   // several words
        ("aaaa", ["aa", "a", "aa"]),                                                   // overlaps and a repeated word
        ("", ["a"]),                                                                    // empty text
        ("董事", ["董事长"]),                                                            // a word longer than the text
        ("abc", ["", "c"]),                                                             // an empty word finds nothing
        ("等等等级高等院校等", ["等", "等等", "高等"]),                                          // the last byte recurs inside other characters
        ("（600000）和(688012.SH)", ["（", "(", "）"]),                                  // one-scalar words
    ]) func occurrencesOfAnyMatchesOneScanPerWord(_ row: (String, [String])) {
        let (text, words) = row
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let cursor = TextCursor(bytes: buffer)
            let needles = words.map { Array($0.utf8) }
            for range in [0..<buffer.count, min(1, buffer.count)..<max(min(1, buffer.count), buffer.count - 1)] {
                var expected: [(position: Int, needle: Int)] = []
                for (index, needle) in needles.enumerated() {
                    let starts = Self.naiveOccurrences(of: needle, in: range, bytes: bytes)
                    #expect(cursor.occurrences(of: needle, in: range) == starts, "\(text) \(words[index]) in \(range)")
                    expected += starts.map { ($0, index) }
                }
                expected.sort { $0.position != $1.position ? $0.position < $1.position : $0.needle < $1.needle }
                let found = cursor.occurrences(ofAny: needles, in: range)
                #expect(found.map(\.position) == expected.map(\.position))
                #expect(found.map(\.needle) == expected.map(\.needle))
            }
        }
    }
    /// The byte-by-byte scan that `occurrences(of:in:)` replaced.
    static func naiveOccurrences(of needle: [UInt8], in range: Range<Int>, bytes: [UInt8]) -> [Int] {
        guard !needle.isEmpty else { return [] }
        var result: [Int] = [], index = range.lowerBound
        while index <= range.upperBound - needle.count {
            if Array(bytes[index..<(index + needle.count)]) == needle { result.append(index); index += needle.count } else { index += 1 }
        }
        return result
    }

    // MARK: CharacterFolding's long replacements

    /// A BMP scalar folded to an astral one is found through the array's mark;
    /// a scalar-to-scalar entry made before keeps its precedence, one made after wins.
    @Test func foldingKeepsThePrecedenceOfItsTables() {
        let folding = CharacterFolding(traditionalToSimplified: [
            (0x4E00, 0x20000),             // 一 → 𠀀: a long replacement
            (0x4E8C, 0x4E09), (0x4E8C, 0x20001), // 二 → 三 first: it stays
            (0x4E94, 0x20002), (0x4E94, 0x516D), // 五 → 𠀂, then → 六: the later scalar entry wins
            (0x200B, 0x20003),             // an ignorable scalar with a long replacement: replaced, not dropped
        ])
        #expect(folding.fold("一二五\u{200B}十\u{200C}") == "\u{20000}三六\u{20003}十")
        #expect(CharacterFolding().fold("ａ１\u{3000}中") == "a1 中")
    }
}

import Testing
@testable import PolicyGraphCore

/// ``TitleRecognizer/titles(in:)`` with its 《 taken from the recognizer's pass over the fixed
/// words (``FixedWords``) against the same recognizer with a search of the text per title, and
/// the titles' spans against a reading of every byte.
@Suite struct TitleRecognizerTests {
    /// Texts at the edges: empty, a lone 《, 《 cut at the end, nested and unclosed titles, a
    /// title over a line break, CR LF, a combining mark, a scalar outside the BMP, bytes of 《
    /// (E3 80 8A) apart and 8A after other leads, many titles in a row, and the seeds and dev texts.
    static let texts: [[UInt8]] = [
        [], Array("《".utf8), Array("《".utf8.prefix(2)), Array("《》".utf8), Array("印发《实施方案》".utf8),
        Array("《关于《数据》的意见》和《纲要（试行）》".utf8), Array("《未完\n《规划》".utf8), Array("《规划\r\n》《方案》".utf8),
        Array("《e\u{301}规划》𠀀《方案》".utf8), [0xE3, 0x80] + Array("《办法》".utf8) + [0x8A, 0xE3, 0x8A, 0x80, 0x8A],
        Array("《".utf8) + [0xE3, 0x80], Array("测试《意见》".utf8) + Array("《".utf8),
        Array(String(repeating: "《实施方案》、", count: 300).utf8), Array(String(repeating: "《", count: 200).utf8),
    ] + RecognitionPassesTests.texts.map { Array($0.utf8) }

    /// Whether every title found begins with the bytes of 《.
    static func opensWithMark(_ bytes: [UInt8], _ titles: [TitleSpan]) -> Bool {
        titles.allSatisfy { Array(bytes[$0.outer.lowerBound..<($0.outer.lowerBound + 3)]) == TitleRecognizer.openBytes }
    }

    @Test func titlesAsSearchedForEachOpening() {
        let recognizer = sharedExtractor.recognizer.titleRecognizer
        let fixed = sharedExtractor.lexicon.words.fixedWords
        #expect(fixed.id(of: TitleRecognizer.openBytes) != nil)
        var found = 0
        for text in Self.texts {
            text.withUnsafeBufferPointer { buffer in
                let shared = recognizer.titles(in: TextCursor(bytes: buffer, fixedWords: fixed))
                let searched = recognizer.titles(in: TextCursor(bytes: buffer))
                #expect(shared.map(\.outer) == searched.map(\.outer), "\(text.prefix(24))")
                #expect(shared.map(\.core) == searched.map(\.core))
                #expect(shared.map(\.titleClass) == searched.map(\.titleClass))
                #expect(Self.opensWithMark(text, shared))
                found += shared.count
            }
        }
        #expect(found > 300)
    }

    /// Titles found on hand-made texts, where they are.
    @Test func titlesWhereTheyAre() {
        let recognizer = sharedExtractor.recognizer.titleRecognizer
        let fixed = sharedExtractor.lexicon.words.fixedWords
        func outer(_ string: String) -> [Range<Int>] {
            let bytes = Array(string.utf8)
            return bytes.withUnsafeBufferPointer { recognizer.titles(in: TextCursor(bytes: $0, fixedWords: fixed)).map(\.outer) }
        }
        #expect(outer("") == [])
        #expect(outer("《》") == [])
        #expect(outer("印发《实施方案》") == [6..<24])
        // Nested: the outer title, one level deep.
        #expect(outer("《关于《数据》的意见》") == [0..<33])
        // Unclosed on its line: the next 《 opens the title.
        #expect(outer("《未完\n《规划》") == [10..<22])
        #expect(outer("𠀀《方案》") == [4..<16])
    }
}

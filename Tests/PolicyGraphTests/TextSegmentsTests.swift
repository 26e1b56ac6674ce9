import Testing
@testable import PolicyGraphCore

/// ``TextSegments`` makes room for its clauses and sentences once, from the text's length: texts
/// denser in marks than that room (a clause or a sentence every few bytes) grow the arrays, texts
/// with none leave them empty, and the sentences and clauses are those of the scalar loop kept in
/// ``TextSecondRoundSpeedPathTests`` either way.
extension TextSegmentsTests {
    static let densityPieces: [String] = ["电", "池", "，", "。", "\n", "！", "？", ",", ";", ":", "!", "?", "；", "：", "《", "》",
                                          "a", "1", " ", "\r\n", "😀", "e\u{0301}", "\u{3000}", "、"]

    static func textsOfEveryDensity() -> [[UInt8]] {
        var generator = SplitMix(seed: 0x7E57)
        var texts: [[UInt8]] = ["", "。", "，", "\n", "电", "\r\n"].map { Array($0.utf8) }
        // Every length up to 400 bytes and a few long ones, from marks only to marks never.
        for length in Array(0...120) + [255, 256, 257, 400, 4_000, 9_000] {
            for density in [1, 2, 4, 16, 64] {
                var text = ""
                while text.utf8.count < length {
                    let mark = generator.next() % UInt64(density) == 0
                    text += mark ? densityPieces[2 + Int(generator.next() % 14)] : densityPieces[Int(generator.next() % UInt64(densityPieces.count))]
                }
                texts.append(Array(text.utf8))
            }
        }
        // Marks only: more clauses and sentences than the room made for them.
        texts.append(Array(String(repeating: "，", count: 500).utf8))
        texts.append(Array(String(repeating: "。", count: 500).utf8))
        texts.append(Array(String(repeating: "a,", count: 800).utf8))
        texts.append(Array(String(repeating: "\n", count: 800).utf8))
        return texts
    }

    @Test func segmentsAnswerAsTheScalarLoopAtEveryDensity() {
        var grown = 0
        for (index, text) in Self.textsOfEveryDensity().enumerated() {
            text.withUnsafeBufferPointer { buffer in
                let segments = TextSegments(buffer)
                let old = TextSecondRoundSpeedPathTests.segments(buffer)
                #expect(segments.sentences.map(\.range) == old.map(\.range), "text \(index)")
                #expect(segments.sentences.map(\.paragraph) == old.map(\.paragraph), "text \(index)")
                #expect(segments.sentences.map { Array($0.clauses) } == old.map(\.clauses), "text \(index)")
                #expect(segments.clauses == old.flatMap(\.clauses), "text \(index)")
                if segments.clauses.count > text.count / TextSegments.bytesPerClause + 1 { grown += 1 }
            }
        }
        // Texts denser than the room were among them.
        #expect(grown > 50)
    }
}

import Testing
@testable import PolicyGraphCore

/// The line joiner's byte path answers as the scalar loop (kept in ``TextSecondRoundSpeedPathTests``)
/// on the edge cases of its input, the scalar before the last one before a break (read only after
/// a closing quote) included.
@Suite struct LineJoiningEdgeCaseTests {
    /// The edge cases of the joiner's input: empty text, only white space, CR LF, breaks at the
    /// ends, non-BMP scalars and combining marks beside breaks, marks that open titles and quotes
    /// at the last bytes, runs across the eight-byte words' boundaries.
    static let edgeTexts: [String] = [
        "", "\n", " ", "\r\n", "\n\n\n", " \t\r\n\u{0C} ", "电", "电\n", "\n电", "电\r\n池", "电\r\n\r\n池",
        "锂电池正极材料\n磷酸铁锂", "锂电池正极材料。\n磷酸铁锂", "2024\n年", "2024 年 1 月", "a\nb", "ab \n cd",
        "😀\n😀", "电😀\n池", "e\u{0301}\ne\u{0301}", "电\u{0301}\n\u{0301}池", "《标题\n续》", "“引语\n续”", "标题《", "说“",
        "1234567\n8", "12345678\n9", "电池电\n池", "电池电池电池电池电池电池\n续\n", String(repeating: "电池 ", count: 40),
        String(repeating: "电池电池电池电池\n", count: 12) + "完。",
        // A closing quote last before a break: the scalar before it decides, in the same text
        // since the last run of white space, or alone after one (then the one before that run).
        "好。”\n续", "好”\n续", "好。 ”\n续", "好 ”\n续", "”\n续", " ”\n续", "好！）\n续", "说：“好。”\r\n续", "a. \"\nb",
    ]

    @Test func joinerAnswersAsTheScalarLoopOnEdgeCases() {
        let units = sharedExtractor.normalizer.numberUnits
        for text in Self.edgeTexts {
            let bytes = Array(text.utf8)
            for median in [bytes.withUnsafeBufferPointer { LineJoining.medianLineLength($0) }, 0, 2, 8, 1_000] {
                let new = bytes.withUnsafeBufferPointer { LineJoining.joinValidUTF8($0, layoutBreaks: true, median: median, numberUnits: units) }
                let old = TextSecondRoundSpeedPathTests.join(bytes, layoutBreaks: true, median: median)
                #expect(new.bytes == old.bytes, "\(text.debugDescription), median \(median)")
                #expect(new.map == old.map, "\(text.debugDescription), median \(median)")
            }
        }
    }
}

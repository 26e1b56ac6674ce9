import Testing
@testable import PolicyGraphCore

/// `TimeNormalizer.expressions(in:reference:texts:)` without texts (what `TargetExtractor` scans
/// with, making the text only for the times that become targets) finds the same expressions, with
/// the same ranges, values and rules, and the text each would hold is the text's bytes at its range.
@Suite struct TimeNormalizerTextsTests {
    /// Edge cases (empty text, non-BMP scalars, combining marks, CR LF, full-width digits, folded
    /// characters near the start and past the parse reach, malformed bytes) besides the seeds and
    /// dev texts and the generated target texts.
    static let edges: [[UInt8]] = [
        "", "2025年", "2025年\r\n2026年底前\r\n", "𠀀2025年𠀀到2030年", "e\u{301}2025年e\u{301}，2026年\u{301}底",
        "２０２５年将实现，『2026年』後建成", "今年前11个月，到2027年前，2025年1月1日起施行",
        String(repeating: "产业发展。2025年将实现。", count: 300) + "『到2030年』於此",
        "未来2年至3年内完成。去年5月宣布，计划2028年建成。",
    ].map { Array($0.utf8) } + [[0xE5, 0xB9, 0xB4, 0x32, 0x30, 0x32, 0x35, 0xE5, 0xB9], [0x32, 0x30, 0x32, 0x35, 0xE5, 0xB9, 0xB4, 0xFF, 0x32, 0x30]]

    static var sources: [[UInt8]] {
        edges + (TargetSpeedPathTests.texts + TargetFourthRoundSpeedPathTests.sources.suffix(60)).map { Array($0.utf8) }
    }

    @Test func withoutTextsTheSameExpressions() {
        let normalizer = sharedExtractor.targetExtractor.timeNormalizer
        var compared = 0, failures: [String] = []
        for bytes in Self.sources {
            bytes.withUnsafeBufferPointer { buffer in
                for reference in [nil, ReferenceDate(year: 2025, month: 3)] {
                    let withTexts = normalizer.expressions(in: buffer, reference: reference)
                    let withoutTexts = normalizer.expressions(in: buffer, reference: reference, texts: false)
                    compared += withTexts.count
                    // The same expressions once each is given the text at its range, and no text made.
                    let read = withoutTexts.map { expression -> TimeExpression in
                        var expression = expression
                        expression.text = TextCursor(bytes: buffer).text(expression.range)
                        return expression
                    }
                    if read != withTexts || withoutTexts.contains(where: { !$0.text.isEmpty }) {
                        failures.append(String(decoding: bytes.prefix(60), as: UTF8.self))
                    }
                }
            }
        }
        #expect(compared > 500)
        #expect(failures.isEmpty, "\(failures.prefix(3))")
    }
}

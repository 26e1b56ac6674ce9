import Testing
@testable import PolicyGraphCore

/// `TargetExtractor.isTarget` looks for a future word in the time's window first where only such
/// a word can keep the time (`lookAheadFirst`): it answers as the rules read in their order do.
@Suite struct TargetIsTargetTests {
    /// Texts whose times stand before and after stating, copula, attribute and past words, with and
    /// without a future word in their window, besides the seeds, dev texts and generated texts of
    /// the earlier rounds; edge cases: empty text, non-BMP scalars, combining marks, CR LF.
    static let edges: [String] = [
        "", "2025年", "2025年\r\n", "\r\n2025年将实现量产。\r\n2024年已经实现。",
        "2025年是开局之年。2025年的政府工作报告。2025年将建成示范区。",
        "比亚迪2025年宣布，将于2027年实现量产。丰田2025年实现量产。",
        "与2020年相比，2025年产量增长。较2024年，今年将增长。2025年以来产量增长。",
        "今年前11个月，产量同比增长10%。今年将实现量产。今年1月1日起将施行。2025年1月1日施行。",
        "𠀀2025年𠀀将实现。e\u{301}2025年e\u{301}将实现量产。2025年\u{301}计划建成。",
        "下达2025年农业转移支付。计划2025年建成。宣称2026年实现。",
        "“十四五”时期是关键时期。“十五五”时期，某市将迎来建市百周年。“十四五”期间将建成。",
        "到2025年，比亚迪将实现全固态电池量产。2030年前建成。自2013年开始生产。从2026年起实施。",
        String(repeating: "产业发展。", count: 300) + "2025年将实现量产，" + String(repeating: "发展", count: 700) + "。",
    ]

    static let references: [ReferenceDate?] = [nil, ReferenceDate(year: 2025, month: 3), ReferenceDate(year: 2025),
                                                ReferenceDate(year: 2020, month: 12), ReferenceDate(year: 2031, month: 1)]

    /// For every time of `source` in a sentence, under each reference: the answer with the shortcut
    /// and without it (each with its own sentence word lists, kept from one time to the next).
    static func answers(of source: String) -> [(shortcut: Bool, inOrder: Bool)] {
        let (text, mentions, _) = TargetFourthRoundSpeedPathTests.prepared(source)
        let extractor = sharedExtractor.targetExtractor
        return text.bytes.withUnsafeBufferPointer { buffer in
            let cursor = TextCursor(bytes: buffer)
            let segments = TextSegments(buffer)
            let policyRanges = OverlapIndex(mentions.filter { $0.type == .policy }.map(\.range))
            var result: [(Bool, Bool)] = []
            for reference in references {
                var shortcutWords = SentenceWords(), orderWords = SentenceWords()
                for time in extractor.timeNormalizer.expressions(in: buffer, reference: reference) {
                    guard let index = segments.sentenceIndex(containing: time.range.lowerBound) else { continue }
                    let sentence = segments.sentences[index]
                    let shortcut = extractor.isTarget(time, sentence: sentence, cursor: cursor, policyRanges: policyRanges,
                                                      reference: reference, words: &shortcutWords, lookAheadFirst: true)
                    let inOrder = extractor.isTarget(time, sentence: sentence, cursor: cursor, policyRanges: policyRanges,
                                                     reference: reference, words: &orderWords, lookAheadFirst: false)
                    result.append((shortcut, inOrder))
                }
            }
            return result
        }
    }

    @Test func lookingAheadFirstGivesTheSameAnswers() {
        var compared = 0, kept = 0, turnedDown = 0, failures: [String] = []
        for source in Self.edges + TargetHolderBoundTests.sources {
            for (shortcut, inOrder) in Self.answers(of: source) {
                compared += 1
                if inOrder { kept += 1 } else { turnedDown += 1 }
                if shortcut != inOrder { failures.append(String(source.prefix(60))) }
            }
        }
        // Both answers occur often, so that the comparison can fail.
        #expect(compared > 500)
        #expect(kept > 100 && turnedDown > 100)
        #expect(failures.isEmpty, "\(failures.prefix(3))")
    }

    /// The times whose last rule keeps them only for a future word: no year past the reference,
    /// no relation that keeps them (by, after; from too with a reference).
    @Test func hingesOnLookingAheadCases() {
        let reference = ReferenceDate(year: 2025, month: 3)
        func value(_ relation: TimeRelation, _ year: Int, end: Int? = nil) -> TimeValue {
            var value = TimeValue(relation: relation, year: year, precision: .year)
            value.endYear = end
            return value
        }
        let cases: [(TimeValue, ReferenceDate?, Bool)] = [
            (value(.in, 2025), reference, true), (value(.in, 2024), reference, true), (value(.in, 2026), reference, false),
            (value(.between, 2024, end: 2025), reference, true), (value(.between, 2024, end: 2026), reference, false),
            (value(.by, 2025), reference, false), (value(.after, 2025), reference, false), (value(.from, 2025), reference, false),
            (value(.in, 2030), nil, true), (value(.between, 2024, end: 2030), nil, true), (value(.from, 2030), nil, true),
            (value(.by, 2030), nil, false), (value(.after, 2030), nil, false),
        ]
        for (value, reference, expected) in cases {
            #expect(TargetExtractor.hingesOnLookingAhead(value, reference: reference) == expected, "\(value) \(String(describing: reference))")
        }
    }
}

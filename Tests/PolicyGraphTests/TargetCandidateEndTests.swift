import Testing
@testable import PolicyGraphCore

/// `TargetExtractor.candidateEnd(of:segments:cursor:policyRanges:reference:)`: the times the
/// extractor walks end at the last one that stands in a sentence, is a target time and is no
/// headline followed by its story, as reading every time in order finds.
@Suite struct TargetCandidateEndTests {
    /// Texts whose last times are past, statistics, attributes or headlines, with holders, policies
    /// and short titles after them; edge cases: empty text, non-BMP scalars, combining marks, CR LF.
    static let edges: [String] = [
        "", "2025年", "2025年\r\n", "比亚迪宣布2026年实现量产。\r\n2020年产量增长了。丰田汽车表示，",
        "国务院印发《行动方案》。方案指出，到2027年建成。2020年以来产量增长。方案指，意见提出，比亚迪计划量产。",
        "𠀀比亚迪将于2027年实现量产。e\u{301}2019年已经建成。丰田汽车宣布量产。",
        "2030年前建成示范区\n\n比亚迪宣布2026年实现量产。今年前11个月，产量同比增长10%。国务院宣布，",
        "丰田汽车表示，2027年前将实现全固态电池量产。2026年是开局之年。2025年的政府工作报告。比亚迪称，",
        "2026年某市政府工作报告\n主要预期目标是：生产总值增长5%左右。\n2021年产量增长了。某市将建成。",
    ]

    /// The edges and those of ``TargetHolderBoundTests`` (whose `boundedHoldersGiveTheSameTargets`
    /// compares the targets with the times cut at the candidate end against those of every time).
    static var sources: [String] { TargetHolderBoundTests.sources }

    static let references: [ReferenceDate?] = [nil, ReferenceDate(year: 2025, month: 3), ReferenceDate(year: 2031, month: 1)]

    @Test func candidateEndIsTheLastTargetTime() {
        let extractor = sharedExtractor.targetExtractor
        var compared = 0, cut = 0, failures: [String] = []
        for source in Self.sources {
            let (text, mentions, _) = TargetFourthRoundSpeedPathTests.prepared(source)
            text.bytes.withUnsafeBufferPointer { buffer in
                let cursor = TextCursor(bytes: buffer)
                let segments = TextSegments(buffer)
                let policyRanges = OverlapIndex(mentions.filter { $0.type == .policy }.map(\.range))
                for reference in Self.references {
                    let times = extractor.timeNormalizer.expressions(in: buffer, reference: reference)
                    // Every time read in order, each with word lists of its own.
                    var expected = 0
                    for (index, time) in times.enumerated() {
                        guard let sentenceIndex = segments.sentenceIndex(containing: time.range.lowerBound),
                              extractor.isTarget(time, sentence: segments.sentences[sentenceIndex], cursor: cursor,
                                                 policyRanges: policyRanges, reference: reference) else { continue }
                        if extractor.isHeadline(sentenceIndex, segments: segments, cursor: cursor),
                           sentenceIndex + 1 < segments.sentences.count { continue }
                        expected = index + 1
                    }
                    let end = extractor.candidateEnd(of: times, segments: segments, cursor: cursor, policyRanges: policyRanges,
                                                     reference: reference)
                    compared += 1
                    if end < times.count { cut += 1 }
                    if end != expected { failures.append(String(source.prefix(60))) }
                }
            }
        }
        // Texts where times are left out past the last target time, so that the comparison can fail.
        #expect(compared > 300 && cut > 50)
        #expect(failures.isEmpty, "\(failures.prefix(3))")
    }
}

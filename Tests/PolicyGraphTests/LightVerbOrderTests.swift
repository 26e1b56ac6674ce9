import Testing
@testable import PolicyGraphCore

/// A topic holding several light verbs is cut at them in one fixed order, the same in every
/// process: a `Set`'s own order is seeded per process, so visiting the set would cut
/// 实现甲开始乙实现丙 at 开始 in one run and at the second 实现 in another.
@Suite struct LightVerbOrderTests {
    static var extractor: TargetExtractor { TargetSpeedPathTests.extractor }

    @Test func lightVerbsAreVisitedInScalarOrder() {
        let vocabulary = Self.extractor.vocabulary
        #expect(vocabulary.lightVerbs.count >= 2, "the bundled targets.tsv has several light verbs")
        #expect(vocabulary.lightVerbsInOrder == vocabulary.lightVerbs.sorted())
        let compiled = vocabulary.lightVerbsInOrder.map { $0.unicodeScalars.map(\.value) }
        #expect(Self.extractor.topicScalars?.lightVerbs == compiled)
    }

    /// Each pair of light verbs, the first twice around the second: both paths cut where the
    /// fixed order says, which is not where the other order would.
    @Test func aTopicWithSeveralLightVerbsIsCutInTheFixedOrder() throws {
        let ordered = Self.extractor.vocabulary.lightVerbsInOrder
        try #require(ordered.count >= 2)
        for (first, second) in zip(ordered, ordered.dropFirst()) {
            // In the fixed order `first` is cut at first (after its first occurrence), then `second`.
            let text = "\(first)电池\(second)储能\(first)氢能"
            let extractor = Self.extractor
            let expected = extractor.cleanTopic("储能\(first)氢能").map(extractor.stripAdverbs)
            let other = extractor.cleanTopic("氢能").map(extractor.stripAdverbs)
            #expect(expected != other, "the case tells the two orders apart")
            #expect(Self.extractor.topicBefore(text) == expected, "\(text)")
            let scalars = try #require(TargetSpeedPathTests.scalars(text))
            #expect(Self.extractor.topicScalars?.topicBefore(scalars) == expected, "\(text)")
        }
    }
}

import Testing
@testable import PolicyGraphCore

/// Two-character place names cut across by ordinary words (rule `place-in-word`).
@Suite struct PlaceInWordsTests {
    @Test(arguments: [
        // A common word on either side cuts the place name: no 丽水, 江门 or 日本 here.
        "打造美丽水乡，建设长江门户。",
        "今日本地的气温有所回升。",
    ])
    func findsNoPlace(text: String) {
        #expect(recognised(text).filter { $0.hasPrefix("region:") }.isEmpty, "\(text): \(recognised(text))")
    }

    @Test(arguments: [
        // A word on one side only, or a place name standing free, is still the place.
        "⟦region|丽水⟧乡村振兴成效明显。",
        "前往⟦region|江门⟧考察。",
        "⟦region|浙江⟧⟦region|丽水⟧的茶园。",
        // Names longer than two characters are never cut.
        "美丽⟦region|丽水市⟧。",
    ])
    func keepsPlaces(marked: String) {
        let case_ = MarkedText(marked)
        #expect(Set(recognised(case_.text).filter { $0.hasPrefix("region:") }) == Set(case_.expected), "\(case_.text): \(recognised(case_.text))")
    }
}

import Testing
@testable import PolicyGraphStore

/// ``TargetOrder/indices(of:)`` (texts ranked once, integers compared) gives the order of the
/// straightforward sort by the tuple of the six values, texts compared as `String`s.
@Suite struct TargetOrderTests {
    /// The straightforward reading: a stable sort by the tuple.
    static func byTuples(_ keys: [TargetOrder.Key]) -> [Int] {
        keys.indices.sorted { left, right in
            let a = keys[left], b = keys[right]
            return (a.subjectKind, a.modality, a.year, a.month, a.subject, a.id) < (b.subjectKind, b.modality, b.year, b.month, b.subject, b.id)
        }
    }

    /// Texts of every kind: empty, ASCII, CJK, non-BMP scalars, a combining mark and its
    /// precomposed form (equal as `String`s), CR LF, a prefix of another.
    static let texts = ["", "company", "government", "promise", "plan", "宁德时代", "𠀀😀", "cafe\u{301}", "café", "a\r\nb", "a\n", "comp"]

    static func keys(count: Int, seed: UInt64) -> [TargetOrder.Key] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let years = [Int.min, -1, 0, 2024, 2025, 2030, Int.max]
        return (0..<count).map { index in
            TargetOrder.Key(subjectKind: texts[next(3) == 0 ? 1 : next(texts.count)], modality: texts[next(texts.count)],
                            year: years[next(years.count)], month: next(3) == 0 ? 0 : next(13), subject: texts[next(texts.count)],
                            id: "target_\(texts[next(texts.count)])\(index)")
        }
    }

    @Test func ranksAreStringOrder() {
        let ranks = TargetOrder.ranks(Self.texts)
        for (i, a) in Self.texts.enumerated() {
            for (j, b) in Self.texts.enumerated() {
                #expect((ranks[i] < ranks[j]) == (a < b), "\(a.debugDescription) \(b.debugDescription)")
                #expect((ranks[i] == ranks[j]) == (a == b))
            }
        }
        #expect(TargetOrder.ranks([]) == [])
    }

    @Test func orderIsTheTuplesOrder() {
        #expect(TargetOrder.indices(of: []) == [])
        for (count, seed) in [(1, 1), (2, 2), (7, 3), (64, 4), (500, 5), (2000, 6)] as [(Int, UInt64)] {
            let keys = Self.keys(count: count, seed: seed)
            #expect(TargetOrder.indices(of: keys) == Self.byTuples(keys), "\(count) keys, seed \(seed)")
        }
    }

    /// Keys equal in all but the id, and ids that are canonically equivalent: the ids decide,
    /// equal ids keep their order (as the stable tuple sort does).
    @Test func tiesAreBrokenByTheId() {
        let ids = ["target_b", "target_a", "target_café", "target_cafe\u{301}", "target_", "target_𠀀", "target_a\r\n"]
        let keys = ids.map { TargetOrder.Key(subjectKind: "company", modality: "promise", year: 2027, month: 0, subject: "company_x", id: $0) }
        #expect(TargetOrder.indices(of: keys) == Self.byTuples(keys))
    }
}

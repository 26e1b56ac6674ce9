import Testing
@testable import PolicyGraphCore

/// ``OverlapIndex`` built from ranges in one sorted run, two sorted runs (merged, not sorted)
/// or in any order, against a look at every range.
@Suite struct OverlapIndexTests {
    /// What the index answers, by looking at every range: one starts before the query's end
    /// and ends after its start.
    static func naiveOverlaps(_ ranges: [Range<Int>], _ query: Range<Int>) -> Bool {
        ranges.contains { $0.lowerBound < query.upperBound && $0.upperBound > query.lowerBound }
    }

    /// Ranges from a fixed pseudo-random sequence: starts in 0..<40, lengths 0..<6.
    static func ranges(_ count: Int, state: inout UInt64) -> [Range<Int>] {
        (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let start = Int(state >> 58) % 40
            return start..<(start + Int(state >> 33) % 6)
        }
    }

    static func byStart(_ ranges: [Range<Int>]) -> [Range<Int>] { ranges.sorted { $0.lowerBound < $1.lowerBound } }

    @Test func answersAsEveryRangeDoes() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var cases: [[Range<Int>]] = [[], [3..<3], [5..<9], [5..<9, 2..<4], [2..<4, 2..<2, 2..<7], [0..<1, 9..<12, 4..<5, 4..<4]]
        for size in [1, 2, 5, 17, 40] {
            for split in [0, 1, size / 2, size] {
                // One sorted run, two sorted runs (the first may be empty), equal starts across them,
                // and three runs or more.
                let first = Self.byStart(Self.ranges(split, state: &state))
                let second = Self.byStart(Self.ranges(size - split, state: &state))
                cases.append(first + second)
                cases.append(first + first)
                cases.append(Self.ranges(size, state: &state))
                cases.append(first + second + first)
            }
        }
        var yes = 0, no = 0
        for ranges in cases {
            let index = OverlapIndex(ranges)
            for lower in -1...46 {
                for length in 0...4 {
                    let query = lower..<(lower + length)
                    let expected = Self.naiveOverlaps(ranges, query)
                    #expect(index.overlaps(query) == expected, "\(ranges) \(query)")
                    if expected { yes += 1 } else { no += 1 }
                }
            }
        }
        #expect(yes > 1_000 && no > 1_000)
    }

    /// Two sorted runs merge into the order a stable sort by start gives (the first run's range
    /// first at equal starts); the sorted prefix is counted up to the first descent.
    @Test func twoRunsMergeAsAStableSort() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for size in 0...30 {
            for split in 0...size {
                let first = Self.byStart(Self.ranges(split, state: &state))
                let second = Self.byStart(Self.ranges(size - split, state: &state))
                let merged = OverlapIndex.merged(first[...], second[...])
                #expect(merged == Self.byStart(first + second), "\(first) \(second)")
                #expect(OverlapIndex.sortedPrefixCount((first + second)[...]) >= split)
            }
        }
        #expect(OverlapIndex.sortedPrefixCount([][...]) == 0)
        #expect(OverlapIndex.sortedPrefixCount([4..<5, 4..<4, 2..<9, 3..<3][...]) == 2)
        #expect(OverlapIndex.sortedPrefixCount([4..<5, 4..<4, 2..<9, 3..<3][2...]) == 2)
    }
}

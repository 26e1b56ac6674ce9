/// The start offsets of mentions sorted by start, searched by bisection: the
/// relation extractors find "the mention at or after this offset" in O(log n).
struct SortedStarts {
    let starts: [Int]

    init(_ mentions: some Sequence<Mention>) {
        starts = mentions.map(\.range.lowerBound)
    }

    /// The index of the first mention that starts at or after `offset`
    /// (`starts.count` when there is none).
    func firstIndex(atOrAfter offset: Int) -> Int {
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

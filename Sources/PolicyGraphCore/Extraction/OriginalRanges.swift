extension NormalizedText {
    /// ``originalRange(of:)`` of each range, in order, for ranges whose starts never
    /// decrease (a document's entities in order of first mention): each pass's map is
    /// walked forward once for the starts, and each end is found from its start's segment
    /// (a mention is a few segments long at most), instead of two binary searches per pass
    /// and range. Ranges whose starts decrease are mapped one by one, as before.
    ///
    /// - Complexity: O(r + s) for r ranges and s segments in all, when the starts are in order.
    func originalRanges(of ranges: [Range<Int>]) -> [Range<Int>] {
        for (a, b) in zip(ranges, ranges.dropFirst()) where b.lowerBound < a.lowerBound { return ranges.map(originalRange(of:)) }
        var starts = ranges.map(\.lowerBound)
        var ends = ranges.map(\.upperBound)
        for map in maps.reversed() {
            let segments = map.segments
            guard !segments.isEmpty else { continue }
            // The last segment that starts at or before the current start (the starts only grow).
            var cursor = -1
            var previous = Int.min
            for index in ranges.indices {
                let start = starts[index], end = ends[index]
                // A map that moved a later start before an earlier one: found again by binary search.
                if start < previous { cursor = Self.lastSegment(in: segments, before: start + 1) }
                previous = start
                while cursor + 1 < segments.count, segments[cursor + 1].outputStart <= start { cursor += 1 }
                let mappedStart: Int
                if cursor < 0 {
                    mappedStart = start
                } else {
                    let segment = segments[cursor]
                    mappedStart = segment.replacedLength == nil ? segment.inputStart + (start - segment.outputStart) : segment.inputStart
                }
                var mappedEnd = mappedStart
                // The original range's emptiness decides, through every pass (as `map(_:through:)`).
                if !ranges[index].isEmpty {
                    if end <= 0 {
                        mappedEnd = end
                    } else {
                        // The last segment that starts before `end`: at or after the start's (end > start
                        // there), else before the first segment.
                        var last = cursor
                        if last < 0 || segments[last].outputStart >= end { last = Self.lastSegment(in: segments, before: end) }
                        while last + 1 < segments.count, segments[last + 1].outputStart < end { last += 1 }
                        if last < 0 {
                            mappedEnd = end
                        } else {
                            let segment = segments[last]
                            if let length = segment.replacedLength { mappedEnd = segment.inputStart + length } else {
                                mappedEnd = segment.inputStart + (end - segment.outputStart)
                            }
                        }
                    }
                }
                starts[index] = mappedStart
                ends[index] = max(mappedStart, mappedEnd)
            }
        }
        return ranges.indices.map { (starts[$0] + fileOffset)..<(ends[$0] + fileOffset) }
    }

    /// The last segment that starts before `offset`, by binary search; -1 when none does.
    private static func lastSegment(in segments: [OffsetMap.Segment], before offset: Int) -> Int {
        var low = 0, high = segments.count
        while low < high {
            let mid = (low + high) / 2
            if segments[mid].outputStart < offset { low = mid + 1 } else { high = mid }
        }
        return low - 1
    }
}

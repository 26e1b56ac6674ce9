extension NormalizedText {
    /// ``originalRange(of:)`` of each range, in order, for ranges whose starts never
    /// decrease (a document's entities in order of first mention): each pass's map is
    /// searched forward from the last start's segment (galloping: a gap of g segments
    /// costs about log g), and each end forward from its start's segment, instead of two
    /// binary searches over all the segments per pass and range. Ranges whose starts
    /// decrease are mapped one by one, as before.
    func originalRanges(of ranges: [Range<Int>]) -> [Range<Int>] {
        for (a, b) in zip(ranges, ranges.dropFirst()) where b.lowerBound < a.lowerBound { return ranges.map(originalRange(of:)) }
        var starts = ranges.map(\.lowerBound)
        var ends = ranges.map(\.upperBound)
        // Written through their buffers: an array's element written in the loop checks the
        // array's uniqueness each time (three passes × every range).
        starts.withUnsafeMutableBufferPointer { starts in
        ends.withUnsafeMutableBufferPointer { ends in
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
                cursor = Self.lastSegment(in: segments, atOrBefore: start, from: cursor)
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
                        let last = cursor >= 0 && segments[cursor].outputStart < end
                            ? Self.lastSegment(in: segments, atOrBefore: end - 1, from: cursor)
                            : Self.lastSegment(in: segments, before: end)
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
        }
        }
        return ranges.indices.map { (starts[$0] + fileOffset)..<(ends[$0] + fileOffset) }
    }

    /// The last segment at or after `from` (or -1) that starts at or before `offset`: galloping
    /// forward from `from` (steps of 1, 2, 4 …), then a binary search in the last step, so that
    /// a walk over many segments past few ranges costs the logarithm of each gap, not the gap.
    private static func lastSegment(in segments: [OffsetMap.Segment], atOrBefore offset: Int, from: Int) -> Int {
        var known = from          // starts at or before `offset` (or -1)
        var step = 1
        var beyond = segments.count
        while known + step < segments.count {
            if segments[known + step].outputStart <= offset {
                known += step
                step *= 2
            } else {
                beyond = known + step
                break
            }
        }
        // The answer is in known ..< beyond.
        var low = known + 1, high = beyond
        while low < high {
            let mid = (low + high) / 2
            if segments[mid].outputStart <= offset { low = mid + 1 } else { high = mid }
        }
        return low - 1
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

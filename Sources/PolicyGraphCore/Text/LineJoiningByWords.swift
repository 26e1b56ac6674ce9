extension LineJoining {
    /// ``join(_:layoutBreaks:medianLineLength:)`` for valid UTF-8 (a ``DecodedText``'s bytes as
    /// folding and the doubling pass leave them), reading the text eight bytes at a time.
    ///
    /// Only white space and the lead bytes E2 and E3 (of 《》“”) are looked at; a word of eight
    /// other bytes is stepped over after one test. What the scalar loop kept for every scalar is
    /// found where a run of white space needs it: the last two non-space scalars by stepping back
    /// from the run (valid UTF-8 has its scalar starts where continuation bytes end), and the line's
    /// length by counting the line's lead bytes, only when the decision reads it (a line that ends
    /// a sentence does not). The bytes and the map are those of the scalar loop.
    static func joinValidUTF8(_ buffer: UnsafeBufferPointer<UInt8>, layoutBreaks: Bool, median: Double, numberUnits: Set<UInt32>) -> (bytes: [UInt8], map: OffsetMap) {
        // Room for one segment per 16 bytes is made at once (a joined break is a replacement and
        // the copy after it): no document of the 2 MB corpus writes more.
        var writer = ByteRewriter(input: buffer, expectedSegments: buffer.count / 16)
        guard let base = buffer.baseAddress else { return writer.finish() }
        let raw = UnsafeRawPointer(base)
        let count = buffer.count
        var copiedUpTo = 0
        var index = 0
        var openTitles = 0
        var openQuotes = 0
        // Where the text after the last run of white space starts, and after the last run that
        // broke a line; the bytes of the runs since then that did not (not counted in the line).
        var segmentStart = 0
        var lineStart = 0
        var spacesInLine = 0
        // Where the last non-space scalar before `segmentStart` starts, and the last one before the
        // text since the run before (-1: none). The scalar before the last is found from them only
        // when the last is a closing quote: the decision reads it only then (``endsSentence(_:_:)``).
        var previousStart = -1
        var earlierStart = -1
        while true {
            // The next byte below 0x21 (white space, or a control character, counted as a scalar)
            // or E2 or E3. (Wrapping adds: `index` stays below `count`.)
            var found = false
            while index &+ 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let stops = ByteLanes.firstBelow(word, 0x21) | ByteLanes.firstBelow(word ^ (ByteLanes.ones &* 0xE2), 2)
                if stops != 0 {
                    index &+= ByteLanes.firstLane(stops)
                    found = true
                    break
                }
                index &+= 8
            }
            if !found {
                while index < count, base[index] >= 0x21, base[index] & 0xFE != 0xE2 { index &+= 1 }
                guard index < count else { break }
            }
            let byte = base[index]
            if byte >= 0x80 {
                // E2 80 9C “, E2 80 9D ”, E3 80 8A 《, E3 80 8B 》: told by their last two bytes
                // (valid UTF-8 gives a lead E2 or E3 its two continuation bytes).
                guard index &+ 2 < count else { break }
                if base[index &+ 1] == 0x80 {
                    switch base[index &+ 2] {
                    case 0x8A where byte == 0xE3: openTitles += 1
                    case 0x8B where byte == 0xE3: openTitles = max(0, openTitles - 1)
                    case 0x9C where byte == 0xE2: openQuotes += 1
                    case 0x9D where byte == 0xE2: openQuotes = max(0, openQuotes - 1)
                    default: break
                    }
                }
                index &+= 3
                continue
            }
            guard byte == 0x0A || byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0C else {
                index &+= 1
                continue
            }
            // A run of white space: find its end and whether it breaks a line.
            var end = index
            var hasBreak = false
            while end < count {
                let b = base[end]
                if b == 0x0A { hasBreak = true } else if !(b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C) { break }
                end += 1
            }
            // The last non-space scalar: in the text since the last run (there is some, but before
            // the first run at 0), else the one before it.
            if index > segmentStart {
                earlierStart = previousStart
                previousStart = UTF8Bytes.previousScalarStart(in: buffer, before: index)
            }
            let next: UInt32 = end < count ? UTF8Bytes.scalar(in: buffer, at: end).value : 0
            let previous: UInt32 = previousStart < 0 ? 0 : UTF8Bytes.scalar(in: buffer, at: previousStart).value
            // The scalar before it, read only after a closing quote (else 0: not read by the decision).
            var beforePrevious: UInt32 = 0
            if ScalarClass.isClosingQuote(previous) {
                let start = previousStart > segmentStart ? UTF8Bytes.previousScalarStart(in: buffer, before: previousStart) : earlierStart
                if start >= 0 { beforePrevious = UTF8Bytes.scalar(in: buffer, at: start).value }
            }
            let runStart = index
            let (replacement, endsParagraph) = runReplacement(
                hasBreak: hasBreak, previous: previous, beforePrevious: beforePrevious, next: next,
                openMark: layoutBreaks && (openTitles > 0 || openQuotes > 0), numberUnits: numberUnits,
                isFullLine: { isFullLine(buffer, lineStart..<runStart, spaces: spacesInLine, median: median) })
            if endsParagraph {
                openTitles = 0
                openQuotes = 0
            }
            if hasBreak {
                lineStart = end
                spacesInLine = 0
            } else {
                spacesInLine &+= end &- index
            }
            // A run that stays as it is (a line feed between paragraphs, a space between words) is
            // left for the next copy: copies of contiguous input share one segment of the map.
            if !(end &- index == 1 && replacement == byte) {
                writer.copy(copiedUpTo..<index)
                write(index..<end, of: byte, as: replacement, to: &writer)
                copiedUpTo = end
            }
            segmentStart = end
            index = end
        }
        writer.copy(copiedUpTo..<count)
        return writer.finish()
    }

    /// Whether the line `line` of valid UTF-8, holding `spaces` bytes of white space that are
    /// not counted, is full: its scalars less the spaces reach ``fullLineRatio`` of `median`.
    /// The scalars are counted only when the line's length in bytes leaves the answer open: a
    /// line of `n` bytes holds at most `n` scalars and at least `n / 4` (none is longer than
    /// four bytes), so a short line is not full and a long one is, without reading either.
    @inline(__always)
    static func isFullLine(_ buffer: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, spaces: Int, median: Double) -> Bool {
        let threshold = fullLineRatio * median
        if Double(line.count &- spaces) < threshold { return false }
        if Double(line.count / 4 &- spaces) >= threshold { return true }
        return Double(ByteLanes.scalarCount(buffer, in: line) &- spaces) >= threshold
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Joins the lines that PDF extraction broke inside a sentence and tidies the
/// white space that layout leaves inside numbers and dates.
///
/// - A line break (with any blank lines and spaces around it) is removed when
///   the line before it does not end a sentence and either is a full-width
///   line of the page's column (at least ``fullLineRatio`` of the median line
///   length), leaves a 《 or “ open, or ends in a number that the next line
///   continues (`2024` / `年`). `磷酸铁\n\n锂电池` → `磷酸铁锂电池`.
/// - Other breaks are paragraph breaks and become a single `\n`.
/// - Spaces between a digit and an ideograph or another digit-bearing token
///   are removed (`到 2025年`, `1 月 1 日`, `1488 家`); other runs of spaces
///   become one space.
public enum LineJoining {
    /// A line at least this share of the median line length counts as full.
    public static let fullLineRatio = 0.75

    /// Joins the lines of `input`. With `layoutBreaks` false (web pages,
    /// Markdown: their line breaks are the author's) only breaks inside a
    /// number, a date or an open title are joined.
    /// `numberUnits` are the characters that continue a number after a line break (2024⏎年):
    /// the `number-unit` rows of `patterns/line-joining.tsv`.
    public static func join(_ input: [UInt8], layoutBreaks: Bool = true, numberUnits: Set<UInt32>) -> (bytes: [UInt8], map: OffsetMap) {
        join(input, layoutBreaks: layoutBreaks, medianLineLength: nil, numberUnits: numberUnits)
    }

    /// Joins the lines of `input`; `known`, when given, is ``medianLineLength(_:)`` of
    /// `input`, counted by an earlier pass (``LineLengths``), so that it is not read again here.
    static func join(_ input: [UInt8], layoutBreaks: Bool, medianLineLength known: Double?, numberUnits: Set<UInt32>) -> (bytes: [UInt8], map: OffsetMap) {
        input.withUnsafeBufferPointer { buffer in
            // The median known means valid UTF-8 (counted by ``LineLengths`` while folding a
            // ``DecodedText``): the path that reads the text eight bytes at a time.
            if layoutBreaks, let known { return joinValidUTF8(buffer, layoutBreaks: true, median: known, numberUnits: numberUnits) }
            let median = layoutBreaks ? known ?? medianLineLength(buffer) : Double.infinity
            var writer = ByteRewriter(input: buffer)
            let count = buffer.count
            var copiedUpTo = 0
            var index = 0
            // Scalars on the current line so far, and whether a 《 or “ is open.
            var lineLength = 0
            var openTitles = 0
            var openQuotes = 0
            // Where the last two non-space scalars start (-1: none yet). They are decoded only
            // where a run of white space needs them, not for every scalar of the text.
            var previousStart = -1
            var beforePreviousStart = -1
            while index < count {
                // A run of ideographs (leads E4…E9: neither white space nor a mark counted here),
                // stepped over three bytes at a time; the last two starts and the count follow from its length.
                // (Wrapping adds: `index` stays below `count`.)
                let runStart = index
                while index &+ 3 <= count, buffer[index] &- 0xE4 <= 0x05 { index &+= 3 }
                if index != runStart {
                    let scalars = (index &- runStart) / 3
                    beforePreviousStart = scalars >= 2 ? index &- 6 : previousStart
                    previousStart = index &- 3
                    lineLength &+= scalars
                    guard index < count else { break }
                }
                let byte = buffer[index]
                if byte == 0x0A || byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                    // A run of white space: find its end and whether it breaks a line.
                    var end = index
                    var hasBreak = false
                    while end < count {
                        let b = buffer[end]
                        if b == 0x0A { hasBreak = true } else if !(b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C) { break }
                        end += 1
                    }
                    let next: UInt32 = end < count ? UTF8Bytes.scalar(in: buffer, at: end).value : 0
                    let previous: UInt32 = previousStart < 0 ? 0 : UTF8Bytes.scalar(in: buffer, at: previousStart).value
                    let beforePrevious: UInt32 = beforePreviousStart < 0 ? 0 : UTF8Bytes.scalar(in: buffer, at: beforePreviousStart).value
                    writer.copy(copiedUpTo..<index)
                    let (replacement, endsParagraph) = runReplacement(
                        hasBreak: hasBreak, previous: previous, beforePrevious: beforePrevious, next: next,
                        openMark: layoutBreaks && (openTitles > 0 || openQuotes > 0), numberUnits: numberUnits,
                        isFullLine: { Double(lineLength) >= fullLineRatio * median })
                    if endsParagraph {
                        openTitles = 0
                        openQuotes = 0
                    }
                    if hasBreak { lineLength = 0 }
                    write(index..<end, of: byte, as: replacement, to: &writer)
                    copiedUpTo = end
                    index = end
                    continue
                }
                // Only the marks 《》“” are looked at (lead bytes E2, E3); other scalars are
                // stepped over by their length, as `UTF8Bytes.scalar` counts it.
                var length = 1
                if byte >= 0x80 {
                    if byte == 0xE2 || byte == 0xE3 {
                        let (u, decodedLength) = UTF8Bytes.scalar(in: buffer, at: index)
                        switch u {
                        case 0x300A: openTitles += 1
                        case 0x300B: openTitles = max(0, openTitles - 1)
                        case 0x201C: openQuotes += 1
                        case 0x201D: openQuotes = max(0, openQuotes - 1)
                        default: break
                        }
                        length = decodedLength
                    } else {
                        length = UTF8Bytes.sequenceLength(lead: byte)
                        // A sequence cut short by the end counts one byte.
                        if index + length > count { length = 1 }
                    }
                }
                beforePreviousStart = previousStart
                previousStart = index
                lineLength += 1
                index += length
            }
            writer.copy(copiedUpTo..<count)
            return writer.finish()
        }
    }

    /// What a run of white space becomes: one byte, or nothing (`nil`); and whether it ends a
    /// paragraph (then no 《 or “ stays open). `previous` and `beforePrevious` are the last two
    /// non-space scalars before the run and `next` the scalar after it (0: none); `openMark`
    /// says that a 《 or “ is open where layout breaks count; `isFullLine` is read only when
    /// the answer depends on it.
    @inline(__always)
    static func runReplacement(hasBreak: Bool, previous: UInt32, beforePrevious: UInt32, next: UInt32, openMark: Bool, numberUnits: Set<UInt32>,
                               isFullLine: () -> Bool) -> (replacement: UInt8?, endsParagraph: Bool) {
        if hasBreak {
            let continues = previous != 0 && next != 0 && !endsSentence(previous, beforePrevious)
                && !startsBlock(next)
                && (openMark || (ScalarClass.isDigit(previous) && continuesNumber(next, numberUnits: numberUnits))
                    || isContinuationPunctuation(next) || isFullLine())
            if continues {
                return (ScalarClass.isASCIIAlphanumeric(previous) && ScalarClass.isASCIIAlphanumeric(next)
                    && !(ScalarClass.isDigit(previous) && ScalarClass.isDigit(next)) ? 0x20 : nil, false)
            }
            return (previous == 0 || next == 0 ? nil : 0x0A, true)
        }
        if previous == 0 || next == 0 { return (nil, false) }
        if ScalarClass.isDigit(previous) || ScalarClass.isDigit(next) {
            let otherSide = ScalarClass.isDigit(previous) ? next : previous
            return (ScalarClass.isIdeograph(otherSide) || ScalarClass.isDigit(otherSide)
                || otherSide == 0x25 || otherSide == 0x2E ? nil : 0x20, false)
        }
        return (0x20, false)
    }

    /// Writes the run of white space `run` (its first byte `byte`) as `replacement`: a run of
    /// one byte that stays is copied, else replaced (no array is made for it).
    @inline(__always)
    static func write(_ run: Range<Int>, of byte: UInt8, as replacement: UInt8?, to writer: inout ByteRewriter) {
        if run.count == 1, replacement == byte {
            writer.copy(run)
        } else if let replacement {
            writer.replace(run, with: CollectionOfOne(replacement))
        } else {
            writer.replace(run, with: EmptyCollection())
        }
    }

    @inline(__always)
    static func endsSentence(_ last: UInt32, _ beforeLast: UInt32) -> Bool {
        if ScalarClass.isSentenceTerminal(last) { return true }
        if ScalarClass.isClosingQuote(last) && ScalarClass.isSentenceTerminal(beforeLast) { return true }
        return false
    }

    /// Marks that open a new block even after an unfinished line.
    @inline(__always)
    static func startsBlock(_ u: UInt32) -> Bool {
        u == 0x25A0 || u == 0x25B6 || u == 0x25CF || u == 0x25C6 || u == 0x2605 || u == 0x25A1 || u == 0x2022
            || u == 0x25B2 || u == 0x25BA || u == 0x0023
    }

    /// Whether `u` continues a number: a digit, % or ., or one of `numberUnits`, the characters
    /// that follow a number as its unit (年, 月, 万, 家 …).
    @inline(__always)
    static func continuesNumber(_ u: UInt32, numberUnits: Set<UInt32>) -> Bool {
        ScalarClass.isDigit(u) || u == 0x25 || u == 0x2E || numberUnits.contains(u)
    }

    @inline(__always)
    static func isContinuationPunctuation(_ u: UInt32) -> Bool {
        u == 0xFF0C || u == 0x3001 || u == 0x3002 || u == 0xFF1B || u == 0xFF1A || u == 0x300B || u == 0x201D
            || u == 0xFF09
    }

    /// The median length, in scalars, of the non-empty lines (spaces and
    /// carriage returns not counted).
    ///
    /// - Complexity: O(n), in one pass over the text eight bytes at a time with no
    ///   sort and no array per line: the lengths are counted in a histogram (lines
    ///   longer than ``histogramLength`` scalars, rare, in a list that is sorted). A
    ///   word of multi-byte text (every byte's top bit set) adds its lead bytes at
    ///   once; a word with ASCII in it is read through byte masks (continuation bytes,
    ///   spaces, carriage returns, line feeds), its line feeds taken lowest first.
    static func medianLineLength(_ buffer: UnsafeBufferPointer<UInt8>) -> Double {
        guard let base = buffer.baseAddress else { return 0 }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: histogramLength) { histogram in
            histogram.initialize(repeating: 0)
            var longer: [Int] = []
            var lines = 0
            @inline(__always) func line(_ length: Int) {
                guard length > 0 else { return }
                lines += 1
                if length < histogramLength { histogram[length] += 1 } else { longer.append(length) }
            }
            let count = buffer.count
            let bytes = UnsafeRawPointer(base)
            let highs: UInt64 = 0x8080_8080_8080_8080
            let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            let ones: UInt64 = 0x0101_0101_0101_0101
            /// The top bit of each byte of `word` that equals `byte`, exactly.
            @inline(__always) func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
                let x = word ^ (ones &* UInt64(byte))
                return ~(((x & lows) &+ lows) | x) & highs
            }
            /// The sum of the byte lanes of `lanes` (at most 255 in all).
            @inline(__always) func sum(_ lanes: UInt64) -> Int { Int((lanes &* ones) >> 56) }
            /// How many top bits `mask` (top bits only) holds.
            @inline(__always) func tally(_ mask: UInt64) -> Int { sum(mask >> 7) }
            // Bytes that are not counted (continuation bytes, spaces, carriage returns) before `index`
            // are `skipped` plus what `lanes` holds (one count per byte lane, at most 31 words' worth).
            var skipped = 0
            var lanes: UInt64 = 0
            var words = 0
            var lineStart = 0
            var skippedAtLineStart = 0
            var index = 0
            while index + 8 <= count {
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                // Continuation bytes: top bit set, the next bit clear.
                let continuation = word & ~(word << 1) & highs
                if word & highs == highs {
                    // Multi-byte text only: the continuation bytes are skipped, nothing else.
                    lanes &+= continuation >> 7
                    words += 1
                    if words == 31 {
                        skipped += sum(lanes)
                        lanes = 0
                        words = 0
                    }
                } else {
                    skipped += sum(lanes)
                    lanes = 0
                    words = 0
                    let skip = continuation | equal(word, 0x20) | equal(word, 0x0D)
                    var feeds = equal(word, 0x0A)
                    while feeds != 0 {
                        // The lowest line feed: its byte lane, and the skipped bytes before it in the word.
                        let bit = feeds.trailingZeroBitCount
                        let position = index + bit / 8
                        let skippedBefore = skipped + tally(skip & ((1 &<< UInt64(bit)) &- 1))
                        line(position - lineStart - (skippedBefore - skippedAtLineStart))
                        lineStart = position + 1
                        skippedAtLineStart = skippedBefore
                        feeds &= feeds &- 1
                    }
                    skipped += tally(skip)
                }
                index += 8
            }
            skipped += sum(lanes)
            while index < count {
                let value = base[index]
                if value == 0x0A {
                    line(index - lineStart - (skipped - skippedAtLineStart))
                    lineStart = index + 1
                    skippedAtLineStart = skipped
                } else if UTF8Bytes.isContinuation(value) || value == 0x20 || value == 0x0D {
                    skipped += 1
                }
                index += 1
            }
            line(count - lineStart - (skipped - skippedAtLineStart))
            guard lines > 0 else { return 0 }
            // The (lines / 2)-th length in sorted order (from 0): in the histogram, else among the longer lines.
            var rank = lines / 2
            for length in 1..<histogramLength {
                if rank < histogram[length] { return Double(length) }
                rank -= histogram[length]
            }
            longer.sort()
            return Double(longer[rank])
        }
    }

    /// Line lengths below this many scalars are counted in ``medianLineLength(_:)``'s histogram.
    static let histogramLength = 512
}

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
    public static func join(_ input: [UInt8], layoutBreaks: Bool = true) -> (bytes: [UInt8], map: OffsetMap) {
        input.withUnsafeBufferPointer { buffer in
            let median = layoutBreaks ? medianLineLength(buffer) : Double.infinity
            var writer = ByteRewriter(input: buffer)
            let count = buffer.count
            var copiedUpTo = 0
            var index = 0
            // Scalars on the current line so far, and whether a 《 or “ is open.
            var lineLength = 0
            var openTitles = 0
            var openQuotes = 0
            var previous: UInt32 = 0        // last non-space scalar
            var beforePrevious: UInt32 = 0
            while index < count {
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
                    writer.copy(copiedUpTo..<index)
                    // What the run becomes: one byte, or nothing (`nil`); no array is made for it.
                    let replacement: UInt8?
                    if hasBreak {
                        let continues = previous != 0 && next != 0 && !endsSentence(previous, beforePrevious)
                            && !startsBlock(next)
                            && (Double(lineLength) >= fullLineRatio * median || (layoutBreaks && (openTitles > 0 || openQuotes > 0))
                                || (ScalarClass.isDigit(previous) && continuesNumber(next))
                                || isContinuationPunctuation(next))
                        if continues {
                            replacement = ScalarClass.isASCIIAlphanumeric(previous) && ScalarClass.isASCIIAlphanumeric(next)
                                && !(ScalarClass.isDigit(previous) && ScalarClass.isDigit(next)) ? 0x20 : nil
                        } else {
                            replacement = previous == 0 || next == 0 ? nil : 0x0A
                            openTitles = 0
                            openQuotes = 0
                        }
                        lineLength = 0
                    } else if previous == 0 || next == 0 {
                        replacement = nil
                    } else if ScalarClass.isDigit(previous) || ScalarClass.isDigit(next) {
                        let otherSide = ScalarClass.isDigit(previous) ? next : previous
                        replacement = ScalarClass.isIdeograph(otherSide) || ScalarClass.isDigit(otherSide)
                            || otherSide == 0x25 || otherSide == 0x2E ? nil : 0x20
                    } else {
                        replacement = 0x20
                    }
                    if end - index == 1, replacement == byte {
                        writer.copy(index..<end)
                    } else if let replacement {
                        writer.replace(index..<end, with: CollectionOfOne(replacement))
                    } else {
                        writer.replace(index..<end, with: EmptyCollection())
                    }
                    copiedUpTo = end
                    index = end
                    continue
                }
                let (u, length) = UTF8Bytes.scalar(in: buffer, at: index)
                switch u {
                case 0x300A: openTitles += 1
                case 0x300B: openTitles = max(0, openTitles - 1)
                case 0x201C: openQuotes += 1
                case 0x201D: openQuotes = max(0, openQuotes - 1)
                default: break
                }
                beforePrevious = previous
                previous = u
                lineLength += 1
                index += length
            }
            writer.copy(copiedUpTo..<count)
            return writer.finish()
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

    /// Ideographs that follow a number as its unit (年, 月, 日, 万, 亿, 家 …).
    static let numberUnits: Set<UInt32> = Set("年月日号时分秒万亿千百元个家项米吨辆人倍期届次座台套条所款只名余多度瓦克升".unicodeScalars.map(\.value))

    @inline(__always)
    static func continuesNumber(_ u: UInt32) -> Bool {
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
    /// - Complexity: O(n): lines found with `memchr`, their scalars counted
    ///   eight bytes at a time.
    static func medianLineLength(_ buffer: UnsafeBufferPointer<UInt8>) -> Double {
        guard let base = buffer.baseAddress else { return 0 }
        var lengths: [Int] = []
        var lineStart = 0
        let count = buffer.count
        while lineStart < count {
            let lineEnd = memchr(base + lineStart, 0x0A, count - lineStart)
                .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
            let length = countedScalars(base, lineStart..<lineEnd)
            if length > 0 { lengths.append(length) }
            lineStart = lineEnd + 1
        }
        guard !lengths.isEmpty else { return 0 }
        lengths.sort()
        return Double(lengths[lengths.count / 2])
    }

    /// The bytes of `range` that start a scalar (not continuation bytes) and are
    /// neither a space nor a carriage return.
    static func countedScalars(_ base: UnsafePointer<UInt8>, _ range: Range<Int>) -> Int {
        var index = range.lowerBound
        var skipped = 0
        let bytes = UnsafeRawPointer(base)
        // One flag (0 or 1) per byte lane, added up over at most 31 words so that no lane
        // passes 255 and their sum fits in the top byte of one multiplication.
        var lanes: UInt64 = 0
        var words = 0
        while index + 8 <= range.upperBound {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // A continuation byte has its top bit set and the next one clear.
            let continuation = word & ~(word << 1) & 0x8080_8080_8080_8080
            let flags = continuation | zeroBytes(word ^ 0x2020_2020_2020_2020) | zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D)
            lanes &+= flags >> 7
            words += 1
            if words == 31 {
                skipped += Int((lanes &* 0x0101_0101_0101_0101) >> 56)
                lanes = 0
                words = 0
            }
            index += 8
        }
        skipped += Int((lanes &* 0x0101_0101_0101_0101) >> 56)
        while index < range.upperBound {
            let byte = base[index]
            if UTF8Bytes.isContinuation(byte) || byte == 0x20 || byte == 0x0D { skipped += 1 }
            index += 1
        }
        return range.count - skipped
    }

    /// The top bit of each byte of `word` that is zero, and no other bit (exact:
    /// no carry crosses bytes).
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low = UInt64(0x7F7F_7F7F_7F7F_7F7F)
        return ~(((word & low) &+ low) | word | low)
    }
}

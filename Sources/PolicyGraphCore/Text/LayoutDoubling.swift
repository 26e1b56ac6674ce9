/// Removes the doubled headlines that PDF extraction makes of text set in
/// bold or outline type, where every run of glyphs is emitted twice:
/// `动力电池技术新能量足动力电池技术新能量足` → `动力电池技术新能量足`,
/// `车网互动车网互动““试水试水””` → `车网互动“试水”`,
/// `跨境电商出口额增长跨境电商出口额增长1919..66%%` → `跨境电商出口额增长19.6%`.
///
/// A line is collapsed only when the whole of it (trailing spaces aside) splits
/// into consecutive pairs of identical runs and the result still holds at
/// least two ideographs, so ordinary lines, which never split that way, are
/// left alone. Lines longer than ``maximumLineLength`` bytes are not examined.
public enum LayoutDoubling {
    /// Longest line, in bytes, that is examined (headlines are short).
    public static let maximumLineLength = 600

    public static func remove(from input: [UInt8]) -> (bytes: [UInt8], map: OffsetMap) {
        var none = NoLineLengths()
        return remove(from: input, adjusting: &none)
    }

    /// Removes the doublings and keeps `lineLengths`, the lengths of `input`'s lines, those
    /// of the result: a line collapsed is taken back and counted again at its new length.
    static func remove<Lengths: LineLengthCounting>(from input: [UInt8], adjusting lineLengths: inout Lengths) -> (bytes: [UInt8], map: OffsetMap) {
        input.withUnsafeBufferPointer { buffer in
            var writer = ByteRewriter(input: buffer)
            var copiedUpTo = 0
            var lineStart = 0
            let count = buffer.count
            while lineStart < count {
                let lineEnd = memchr(buffer.baseAddress! + lineStart, 0x0A, count - lineStart)
                    .map { buffer.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? count
                var contentEnd = lineEnd
                while contentEnd > lineStart, buffer[contentEnd - 1] == 0x20 || buffer[contentEnd - 1] == 0x0D
                    || buffer[contentEnd - 1] == 0x09 { contentEnd -= 1 }
                var contentStart = lineStart
                while contentStart < contentEnd, buffer[contentStart] == 0x20 || buffer[contentStart] == 0x09 {
                    contentStart += 1
                }
                let length = contentEnd - contentStart
                if length >= 8, length <= maximumLineLength, length % 2 == 0,
                   bytesCancel(buffer, contentStart..<contentEnd),
                   let units = pairedUnits(buffer, contentStart..<contentEnd) {
                    var kept: [UInt8] = []
                    for unit in units { kept.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[unit])) }
                    if ideographCount(kept) >= 2 {
                        let before = LineLengths.length(of: buffer, lineStart..<lineEnd)
                        let after = kept.withUnsafeBufferPointer { LineLengths.length(of: $0, 0..<$0.count) }
                            + before - LineLengths.length(of: buffer, contentStart..<contentEnd)
                        lineLengths.replace(before, with: after)
                        writer.copy(copiedUpTo..<contentStart)
                        writer.replace(contentStart..<contentEnd, with: kept)
                        copiedUpTo = contentEnd
                    }
                }
                lineStart = lineEnd + 1
            }
            return writer.finish(copyingFrom: copiedUpTo, sharing: input)
        }
    }

    /// Splits `range` into runs each immediately repeated once; returns the
    /// first copy of each run, or `nil` when the range does not split so.
    static func pairedUnits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Range<Int>]? {
        let start = range.lowerBound
        let end = range.upperBound
        // Doubled text has an even number of bytes and opens with a pair: ordinary
        // lines fail one of these, without the arrays below being made.
        guard range.count % 2 == 0, opensWithPair(bytes, range) else { return nil }
        // Scalar boundaries inside the range.
        var boundaries: [Int] = []
        boundaries.reserveCapacity(end - start + 1)
        var index = start
        while index < end {
            boundaries.append(index)
            index += UTF8Bytes.sequenceLength(lead: bytes[index])
        }
        guard index == end else { return nil }
        boundaries.append(end)
        let n = boundaries.count - 1
        guard n % 2 == 0 else { return nil }
        // reach[i]: the prefix of i scalars splits into pairs; unit[i]: the
        // unit length (in scalars) of the last pair.
        var reach = [Int](repeating: -1, count: n + 1)
        reach[0] = 0
        for i in 0..<n where reach[i] >= 0 {
            var k = 1
            while i + 2 * k <= n {
                if reach[i + 2 * k] < 0 {
                    let a = boundaries[i]
                    let b = boundaries[i + k]
                    let c = boundaries[i + 2 * k]
                    // The first and last bytes of the two runs before the call: most pairs differ there.
                    if b - a == c - b, bytes[a] == bytes[b], bytes[b - 1] == bytes[c - 1],
                       memcmp(bytes.baseAddress! + a, bytes.baseAddress! + b, b - a) == 0 {
                        reach[i + 2 * k] = k
                    }
                }
                k += 1
            }
        }
        guard reach[n] > 0 else { return nil }
        var units: [Range<Int>] = []
        var position = n
        while position > 0 {
            let k = reach[position]
            let unitStart = position - 2 * k
            units.append(boundaries[unitStart]..<boundaries[unitStart + k])
            position = unitStart
        }
        return units.reversed()
    }

    /// Whether the bytes of `range` XOR to zero: true of every doubled line (each
    /// run is there twice, so every byte cancels its copy), and of few others, so
    /// most lines are passed over after one read eight bytes at a time, before
    /// ``opensWithPair(_:_:)`` compares their prefixes.
    static func bytesCancel(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let base = UnsafeRawPointer(bytes.baseAddress!)
        var folded: UInt64 = 0
        var index = range.lowerBound
        while index + 8 <= range.upperBound {
            folded ^= base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        // The word's eight bytes onto one, then the bytes that remain.
        folded ^= folded >> 32
        folded ^= folded >> 16
        folded ^= folded >> 8
        var byte = UInt8(truncatingIfNeeded: folded)
        while index < range.upperBound {
            byte ^= bytes[index]
            index += 1
        }
        return byte == 0
    }

    /// Whether `range` starts with a run immediately repeated (`AB AB …`), the
    /// run ending on a scalar boundary: what every doubled line does.
    static func opensWithPair(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let start = range.lowerBound
        let base = bytes.baseAddress!
        var k = 1
        while 2 * k <= range.count {
            let b = start + k
            // The first and last bytes of the two runs before the call: most candidates differ there.
            if !UTF8Bytes.isContinuation(bytes[b]), bytes[start] == bytes[b], bytes[b - 1] == bytes[b + k - 1],
               memcmp(base + start, base + b, k) == 0 {
                return true
            }
            k += 1
        }
        return false
    }

    static func ideographCount(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var count = 0
            var index = 0
            while index < buffer.count {
                let (u, length) = UTF8Bytes.scalar(in: buffer, at: index)
                if ScalarClass.isIdeograph(u) { count += 1 }
                index += length
            }
            return count
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

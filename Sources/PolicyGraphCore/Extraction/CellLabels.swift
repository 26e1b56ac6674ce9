#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the labels read at the start of a line or a table cell (the `table` and
/// `line` roles of `patterns/published.tsv`) stand in the head of a page, found for
/// all of them in one pass.
///
/// Each label used to be looked for on its own, with `memchr` on its last byte and a
/// `memcmp` at every hit: in Chinese text that byte is a continuation byte, common,
/// so the fifteen labels cost a call every ten bytes. Now the places where a cell
/// starts are found once, eight bytes at a time, and the labels compared only there.
/// The places found for a label are the places, in order, where the search for that
/// label alone would have stopped and found it at the start of a cell.
struct CellLabels: Sendable {
    /// The labels, each once (empty ones, which are never found, left out).
    let labels: [[UInt8]]
    /// For each list given to ``init(_:)``, its labels as indices into ``labels``,
    /// in its order (`nil` for an empty label).
    let lists: [[Int?]]
    /// For each byte, the first label (index into ``labels``) that starts with it, or -1; the
    /// others that start with it follow through ``nextWithFirstByte``, in the order of ``labels``.
    private let byFirstByte: [Int16]
    private let nextWithFirstByte: [Int16]
    /// Every label's bytes one after the other (label `i` at `offsets[i]..<offsets[i + 1]`), so
    /// that the pass reads plain memory, with no array retained per label and place.
    private let flat: [UInt8]
    private let offsets: [Int]

    /// The labels of `lists` (one list per role, in the role's order).
    init(_ lists: [[[UInt8]]]) {
        var labels: [[UInt8]] = []
        var indices: [[Int?]] = []
        for list in lists {
            indices.append(list.map { label -> Int? in
                guard !label.isEmpty else { return nil }
                if let known = labels.firstIndex(of: label) { return known }
                labels.append(label)
                return labels.count - 1
            })
        }
        var byFirstByte = [Int16](repeating: -1, count: 256)
        var nextWithFirstByte = [Int16](repeating: -1, count: labels.count)
        // Built from the last label back, so that each chain runs in the order of `labels`.
        for (index, label) in labels.enumerated().reversed() {
            nextWithFirstByte[index] = byFirstByte[Int(label[0])]
            byFirstByte[Int(label[0])] = Int16(index)
        }
        self.labels = labels
        self.lists = indices
        self.byFirstByte = byFirstByte
        self.nextWithFirstByte = nextWithFirstByte
        flat = labels.flatMap { $0 }
        offsets = labels.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
    }

    /// For each of ``labels``, the offsets of `bytes` (in increasing order) where it
    /// stands and starts a cell.
    ///
    /// The places where a cell starts (``DateScan/startsCell(_:at:)``: the start, after a line
    /// feed, carriage return, space, tab, `>`, `|`, `-` or `*`, or after an ideographic space)
    /// are found eight bytes at a time, and only there are the labels that start with the byte
    /// found compared. A word of Chinese text (every byte's top bit set) holds none of the ASCII
    /// bytes, and an ideographic space only where a byte is 0x80, so most words are passed over
    /// after two tests; the last byte of a label (a continuation byte, common) is never searched for.
    ///
    /// - Complexity: O(n), plus a comparison of each label starting with the byte at each cell start.
    func occurrences(in bytes: ArraySlice<UInt8>) -> [[Int]] {
        var found = [[Int]](repeating: [], count: labels.count)
        let base = bytes.startIndex
        bytes.withUnsafeBufferPointer { buffer in
            flat.withUnsafeBufferPointer { flat in
                offsets.withUnsafeBufferPointer { offsets in
                    byFirstByte.withUnsafeBufferPointer { byFirstByte in
                        guard let pointer = buffer.baseAddress, let labelBytes = flat.baseAddress else { return }
                        let count = buffer.count
                        /// The labels that stand at `start`, a cell's start.
                        @inline(__always) func labels(at start: Int) {
                            guard start < count else { return }
                            var next = byFirstByte[Int(pointer[start])]
                            while next >= 0 {
                                let which = Int(next)
                                let length = offsets[which + 1] - offsets[which]
                                if start + length <= count, memcmp(pointer + start, labelBytes + offsets[which], length) == 0 {
                                    found[which].append(start + base)
                                }
                                next = nextWithFirstByte[which]
                            }
                        }
                        labels(at: 0)
                        let raw = UnsafeRawPointer(pointer)
                        let ones: UInt64 = 0x0101_0101_0101_0101
                        let highs = ones &* 0x80, lows = ones &* 0x7F
                        /// The top bit of each byte of `word` that equals `byte`, exactly.
                        @inline(__always) func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
                            let x = word ^ (ones &* UInt64(byte))
                            return ~(((x & lows) &+ lows) | x) & highs
                        }
                        /// The cells that start after the bytes of `mask` (top bits) in the word at `index`.
                        @inline(__always) func cells(after mask: UInt64, at index: Int) {
                            var mask = mask
                            while mask != 0 {
                                let end = index + mask.trailingZeroBitCount / 8
                                // An ASCII starter, or the last byte of an ideographic space (E3 80 80).
                                if pointer[end] < 0x80 || (end >= 2 && pointer[end - 1] == 0x80 && pointer[end - 2] == 0xE3) {
                                    labels(at: end + 1)
                                }
                                mask &= mask &- 1
                            }
                        }
                        var index = 0
                        while index + 8 <= count {
                            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                            var mask = equal(word, 0x80)
                            if word & highs != highs {
                                mask |= equal(word, 0x0A) | equal(word, 0x0D) | equal(word, 0x20) | equal(word, 0x09)
                                    | equal(word, UInt8(ascii: ">")) | equal(word, UInt8(ascii: "|"))
                                    | equal(word, UInt8(ascii: "-")) | equal(word, UInt8(ascii: "*"))
                            }
                            if mask != 0 { cells(after: mask, at: index) }
                            index += 8
                        }
                        while index < count {
                            switch pointer[index] {
                            case 0x0A, 0x0D, 0x20, 0x09, UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "-"), UInt8(ascii: "*"), 0x80:
                                cells(after: 0x80, at: index)
                            default: break
                            }
                            index += 1
                        }
                    }
                }
            }
        }
        return found
    }
}

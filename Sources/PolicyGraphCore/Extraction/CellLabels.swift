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
/// so the fifteen labels cost a call every ten bytes. Labels that share a last byte
/// (期, 间 and 間 end them all) now share one search; at each hit a label is kept only
/// where it starts a cell (``DateScan/startsCell(_:at:)``, one byte before it is
/// read), and only then are its bytes compared. The places found for a label are the
/// places, in order, where the search for that label alone would have stopped and
/// found it at the start of a cell.
struct CellLabels: Sendable {
    /// The labels, each once (empty ones, which are never found, left out).
    let labels: [[UInt8]]
    /// For each list given to ``init(_:)``, its labels as indices into ``labels``,
    /// in its order (`nil` for an empty label).
    let lists: [[Int?]]
    /// The distinct last bytes of the labels, each with the labels that end with it.
    private let byLastByte: [(byte: UInt8, labels: [Int])]
    /// Every label's bytes one after the other (label `i` at `offsets[i]..<offsets[i + 1]`), and
    /// each label's byte before its last (or -1), so that the pass reads plain memory, with no
    /// array retained per label and place.
    private let flat: [UInt8]
    private let offsets: [Int]
    private let beforeLast: [Int]

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
        var byLastByte: [(byte: UInt8, labels: [Int])] = []
        for (index, label) in labels.enumerated() {
            let last = label[label.count - 1]
            if let slot = byLastByte.firstIndex(where: { $0.byte == last }) {
                byLastByte[slot].labels.append(index)
            } else {
                byLastByte.append((last, [index]))
            }
        }
        self.labels = labels
        self.lists = indices
        self.byLastByte = byLastByte
        flat = labels.flatMap { $0 }
        offsets = labels.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
        beforeLast = labels.map { $0.count >= 2 ? Int($0[$0.count - 2]) : -1 }
    }

    /// For each of ``labels``, the offsets of `bytes` (in increasing order) where it
    /// stands and starts a cell.
    ///
    /// - Complexity: O(n) for each distinct last byte, at `memchr` speed, plus a
    ///   test of one or two bytes per label ending with that byte at each place it stands.
    func occurrences(in bytes: ArraySlice<UInt8>) -> [[Int]] {
        var found = [[Int]](repeating: [], count: labels.count)
        let base = bytes.startIndex
        bytes.withUnsafeBufferPointer { buffer in
            flat.withUnsafeBufferPointer { flat in
                offsets.withUnsafeBufferPointer { offsets in
                    beforeLast.withUnsafeBufferPointer { beforeLast in
                        guard let pointer = buffer.baseAddress, let labelBytes = flat.baseAddress else { return }
                        let count = buffer.count
                        for (lastByte, ending) in byLastByte {
                            ending.withUnsafeBufferPointer { ending in
                                var from = 0
                                while from < count, let hit = memchr(pointer + from, Int32(lastByte), count - from) {
                                    let end = pointer.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                                    from = end + 1
                                    for which in ending {
                                        let tail = offsets[which + 1] - offsets[which] - 1
                                        let start = end - tail
                                        // The byte before the last first: it rules out most places.
                                        guard start >= 0, tail == 0 || Int(pointer[end - 1]) == beforeLast[which],
                                              DateScan.startsCell(bytes, at: start + base),
                                              memcmp(pointer + start, labelBytes + offsets[which], tail) == 0 else { continue }
                                        found[which].append(start + base)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return found
    }
}

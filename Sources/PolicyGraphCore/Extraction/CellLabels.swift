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
/// (期, 间 and 間 end them all) now share one search; at each hit the bytes that all
/// the labels of that search end with (日期, 时间, 時間: their longest common suffix) are
/// compared first, once, which rules out nearly every place; only then is each label
/// kept where it starts a cell (``DateScan/startsCell(_:at:)``, one byte before it is
/// read) and its other bytes compared. The places found for a label are the places, in
/// order, where the search for that label alone would have stopped and found it at the
/// start of a cell.
struct CellLabels: Sendable {
    /// The labels, each once (empty ones, which are never found, left out).
    let labels: [[UInt8]]
    /// For each list given to ``init(_:)``, its labels as indices into ``labels``,
    /// in its order (`nil` for an empty label).
    let lists: [[Int?]]
    /// The distinct last bytes of the labels, each with the labels that end with it and the
    /// length of the bytes all those labels end with (at least the last byte).
    private let byLastByte: [(byte: UInt8, labels: [Int], commonSuffix: Int)]
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
        self.byLastByte = byLastByte.map { ($0.byte, $0.labels, Self.commonSuffixLength($0.labels.map { labels[$0] })) }
        flat = labels.flatMap { $0 }
        offsets = labels.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
    }

    /// The number of bytes every one of `labels` (not empty) ends with.
    static func commonSuffixLength(_ labels: [[UInt8]]) -> Int {
        let first = labels[0]
        var length = first.count
        for label in labels.dropFirst() {
            var shared = 0
            while shared < length, shared < label.count, label[label.count - 1 - shared] == first[first.count - 1 - shared] { shared += 1 }
            length = shared
        }
        return length
    }

    /// For each of ``labels``, the offsets of `bytes` (in increasing order) where it
    /// stands and starts a cell.
    ///
    /// - Complexity: O(n) for each distinct last byte, at `memchr` speed, plus a
    ///   test of the labels' common suffix at each place the byte stands, and of each
    ///   label ending with it where that suffix stands.
    func occurrences(in bytes: ArraySlice<UInt8>) -> [[Int]] {
        var found = [[Int]](repeating: [], count: labels.count)
        let base = bytes.startIndex
        bytes.withUnsafeBufferPointer { buffer in
            flat.withUnsafeBufferPointer { flat in
                offsets.withUnsafeBufferPointer { offsets in
                    guard let pointer = buffer.baseAddress, let labelBytes = flat.baseAddress else { return }
                    let count = buffer.count
                    for (lastByte, ending, commonSuffix) in byLastByte {
                        // The suffix every label of `ending` has: the first label's last bytes.
                        let suffixEnd = labelBytes + offsets[ending[0] + 1]
                        ending.withUnsafeBufferPointer { ending in
                            var from = 0
                            while from < count, let hit = memchr(pointer + from, Int32(lastByte), count - from) {
                                let end = pointer.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                                from = end + 1
                                // The shared suffix once, from its end: its byte before the last
                                // rules out nearly every place.
                                guard end >= commonSuffix - 1 else { continue }
                                var matched = 1
                                while matched < commonSuffix, pointer[end - matched] == suffixEnd[-1 - matched] { matched += 1 }
                                guard matched == commonSuffix else { continue }
                                for which in ending {
                                    let tail = offsets[which + 1] - offsets[which] - 1
                                    let start = end - tail
                                    guard start >= 0, DateScan.startsCell(bytes, at: start + base),
                                          memcmp(pointer + start, labelBytes + offsets[which], tail + 1 - commonSuffix) == 0 else { continue }
                                    found[which].append(start + base)
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

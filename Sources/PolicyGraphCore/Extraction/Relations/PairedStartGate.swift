/// The start gate of two matchers in one (``WordMatcher``'s first bytes, one-byte words and
/// first pairs, each the union of the two): a place it turns down starts a word of neither,
/// so a pass that asks both matchers at every place tests one gate instead of two.
struct PairedStartGate: Sendable {
    private let firstBytes: (UInt64, UInt64, UInt64, UInt64)
    private let singleBytes: (UInt64, UInt64, UInt64, UInt64)
    private let firstPairs: [UInt64]
    /// The two matchers' words' three-byte first scalars (``ThreeByteStarts``), for the scan at a
    /// three-byte sequence.
    let threeByteStarts: ThreeByteStarts

    init(_ first: WordMatcher, _ second: WordMatcher) {
        firstBytes = (first.firstBytes.0 | second.firstBytes.0, first.firstBytes.1 | second.firstBytes.1,
                      first.firstBytes.2 | second.firstBytes.2, first.firstBytes.3 | second.firstBytes.3)
        singleBytes = (first.singleBytes.0 | second.singleBytes.0, first.singleBytes.1 | second.singleBytes.1,
                       first.singleBytes.2 | second.singleBytes.2, first.singleBytes.3 | second.singleBytes.3)
        firstPairs = zip(first.firstPairs, second.firstPairs).map { $0 | $1 }
        threeByteStarts = ThreeByteStarts(first.words + second.words)
    }

    /// Whether a word of either matcher can start at `index` (each matcher's own gate, joined).
    @inline(__always)
    func mayStart(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = bytes[index]
        let bit = UInt64(1) << UInt64(byte & 63)
        let first: UInt64, single: UInt64
        switch byte >> 6 {
        case 0: (first, single) = (firstBytes.0, singleBytes.0)
        case 1: (first, single) = (firstBytes.1, singleBytes.1)
        case 2: (first, single) = (firstBytes.2, singleBytes.2)
        default: (first, single) = (firstBytes.3, singleBytes.3)
        }
        guard first & bit != 0 else { return false }
        if single & bit != 0 { return true }
        guard index + 1 < bytes.count else { return false }
        let key = TimeWords.pairKey(byte, bytes[index + 1])
        return firstPairs.withUnsafeBufferPointer { $0[key >> 6] } & (1 << UInt64(key & 63)) != 0
    }
}

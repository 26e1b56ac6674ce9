/// A set of bytes, one bit each: a membership test without hashing.
struct ByteSet: Sendable {
    private let bits: (UInt64, UInt64, UInt64, UInt64)

    init(_ bytes: some Sequence<UInt8>) {
        var bits: [UInt64] = [0, 0, 0, 0]
        for byte in bytes { bits[Int(byte >> 6)] |= 1 << UInt64(byte & 63) }
        self.bits = (bits[0], bits[1], bits[2], bits[3])
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return bits.0 & bit != 0
        case 1: return bits.1 & bit != 0
        case 2: return bits.2 & bit != 0
        default: return bits.3 & bit != 0
        }
    }
}

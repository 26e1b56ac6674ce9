/// Integers spelt as `String(value)` and `JSONEncoder` spell them, written as bytes without
/// making a string; shared by the JSON writers (``PrettyJSONWriter``, ``CompactJSONWriter``).
///
/// ```swift
/// withUnsafeTemporaryAllocation(of: UInt8.self, capacity: JSONDecimal.maximumCount) { out in
///     JSONDecimal.write(-42, to: out.baseAddress!)   // writes "-42", returns 3
/// }
/// ```
enum JSONDecimal {
    /// The most bytes ``write(_:to:)`` writes: a sign and the 20 digits of `UInt64.max`.
    static let maximumCount = 21

    /// Writes the decimal digits of `value` (and its sign) at `out`, at most 21 bytes; returns how many.
    @inline(__always)
    static func write(_ value: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var index = 0
        if value < 0 { out[0] = 0x2D; index = 1 }
        // The magnitude as unsigned, so that Int.min has one too.
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes: room for the 20 digits of UInt64.max
        return withUnsafeMutableBytes(of: &digits) { scratch in
            var start = scratch.count
            repeat {
                start -= 1
                scratch[start] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
            } while magnitude > 0
            for digit in scratch[start...] {
                out[index] = digit
                index += 1
            }
            return index
        }
    }
}

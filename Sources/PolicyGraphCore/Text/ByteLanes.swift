/// Exact tests on the eight bytes of a 64-bit word, lane by lane (lane *i* is the byte at
/// offset *i* of a little-endian load), for passes that step over text eight bytes at a time.
///
/// Each test sets the top bit of every lane whose byte passes and clears every other bit;
/// no carry or borrow crosses lanes, so the lowest set bit names the first byte that passes.
enum ByteLanes {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080
    static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The lanes of `word` whose byte is below `limit` (at most 0x80).
    @inline(__always)
    static func below(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        // A byte under 0x80 plus (0x80 − limit) reaches the top bit exactly when it is at least
        // `limit`; a byte of 0x80 or more keeps its own top bit through the `|`.
        ~(((word & lows) &+ ones &* UInt64(0x80 &- limit)) | word) & highs
    }

    /// The lanes of `word` whose byte is below `limit` (at most 0x80), exact in the lowest lane
    /// it sets only: a lane above a byte that passes may be set too (the borrow of that byte's
    /// subtraction crosses into it). So it is zero exactly when no byte passes, and
    /// ``firstLane(_:)`` of it, or of an `|` of such masks, names the first byte that passes,
    /// in three operations where ``below(_:_:)`` takes five.
    @inline(__always)
    static func firstBelow(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        // A lane with no borrow from below: its byte minus `limit` sets the top bit exactly when
        // the byte is under `limit`, or at least 0x80 + `limit`, which `~word` rules out.
        (word &- ones &* UInt64(limit)) & ~word & highs
    }

    /// The lanes of `word` whose byte is `byte`.
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        below(word ^ (ones &* UInt64(byte)), 1)
    }

    /// The lanes of `word` that hold a UTF-8 continuation byte (10xxxxxx).
    @inline(__always)
    static func continuations(_ word: UInt64) -> UInt64 {
        word & ~(word << 1) & highs
    }

    /// How many lanes `mask` (top bits only) holds.
    @inline(__always)
    static func tally(_ mask: UInt64) -> Int {
        Int(((mask >> 7) &* ones) >> 56)
    }

    /// The byte offset, in its word, of the first lane `mask` (not zero, top bits only) holds.
    @inline(__always)
    static func firstLane(_ mask: UInt64) -> Int {
        mask.trailingZeroBitCount &>> 3
    }

    /// How many bytes of `range` of `buffer` are not UTF-8 continuation bytes: its scalars,
    /// for valid UTF-8 that starts and ends on scalar boundaries.
    static func scalarCount(_ buffer: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var index = range.lowerBound
        var continued = 0
        while index &+ 8 <= range.upperBound {
            continued &+= tally(continuations(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))))
            index &+= 8
        }
        // The last bytes (fewer than eight) in one word that ends with the range, its lanes
        // already counted shifted out, when the range holds eight bytes.
        let rest = range.upperBound &- index
        if rest > 0, range.count >= 8 {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: range.upperBound &- 8, as: UInt64.self))
            continued &+= tally(continuations(word) &>> UInt64(8 &* (8 &- rest)))
            index = range.upperBound
        }
        while index < range.upperBound {
            if UTF8Bytes.isContinuation(base[index]) { continued &+= 1 }
            index &+= 1
        }
        return range.count &- continued
    }
}

/// How `JSONEncoder` escapes a string's bytes, for the writers that append
/// JSON as bytes (``PrettyJSONWriter``, ``CompactJSONWriter``): a quote and a
/// backslash get a backslash, five controls their short forms (`\n`, `\r`,
/// `\t`, `\b`, `\f`), the other C0 controls `\u00xx`, and `/` becomes `\/`
/// unless the encoder was told `.withoutEscapingSlashes`. Every other byte,
/// UTF-8 of any script included, is written as it is.
///
/// ```swift
/// var out: [UInt8] = []
/// JSONEscaping.appendEscape(of: 0x0A, to: &out)   // \n
/// ```
public enum JSONEscaping {
    /// Whether `byte` is written escaped.
    @inline(__always)
    public static func escapes(_ byte: UInt8, slashes: Bool) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || (slashes && byte == 0x2F)
    }

    /// Whether any of `bytes` is written escaped: sixteen bytes at a time as a
    /// vector, the last sixteen (overlapping the vectors before them) as one more;
    /// a string of 8–15 bytes as two overlapping 64-bit words and one of 4–7 as two
    /// overlapping 32-bit words (exact tests for a byte below 0x20 and for a byte equal
    /// to each special one); shorter ones byte by byte. No byte is tested one at a time
    /// past the fourth, so a short string costs a few instructions. Most strings need
    /// no escape, and their bytes then go in at once.
    public static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>, slashes: Bool) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        if count >= 16 {
            // Sixteen bytes at a time as a vector (one compare per special byte over the whole vector).
            let quotes = SIMD16<UInt8>(repeating: 0x22), backslashes = SIMD16<UInt8>(repeating: 0x5C)
            let slashed = SIMD16<UInt8>(repeating: slashes ? 0x2F : 0x22), space = SIMD16<UInt8>(repeating: 0x20)
            @inline(__always) func special(at offset: Int) -> Bool {
                let vector = raw.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
                return any((vector .< space) .| (vector .== quotes) .| (vector .== backslashes) .| (vector .== slashed))
            }
            // One loop, the last vector ending the string (overlapping the one before it), so
            // that the test is compiled once, its lanes gathered in one move of their masks.
            var index = 0
            while true {
                if special(at: min(index, count - 16)) { return true }
                index += 16
                if index >= count { return false }
            }
        }
        if count >= 8 {
            let ones: UInt64 = 0x0101_0101_0101_0101
            return specialByte(in: raw.loadUnaligned(as: UInt64.self), ones: ones, slashes: slashes)
                || specialByte(in: raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self), ones: ones, slashes: slashes)
        }
        if count >= 4 {
            let ones: UInt32 = 0x0101_0101
            return specialByte(in: raw.loadUnaligned(as: UInt32.self), ones: ones, slashes: slashes)
                || specialByte(in: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self), ones: ones, slashes: slashes)
        }
        for index in 0..<count where escapes(bytes[index], slashes: slashes) { return true }
        return false
    }

    /// Whether a byte of `word` is written escaped. `ones` has 1 in every byte: a byte that is
    /// zero in `word ^ (ones * b)` is a byte equal to b, and `(x - ones) & ~x` has its high bit
    /// set at the lowest such byte (and only a byte above a zero can be a false hit, so the
    /// answer, whether there is one, is exact); a byte below 0x20 likewise in `(word - 0x20…) & ~word`.
    @inline(__always)
    private static func specialByte<Word: FixedWidthInteger & UnsignedInteger>(in word: Word, ones: Word, slashes: Bool) -> Bool {
        let highs = ones &* 0x80
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C), slashed = word ^ (ones &* (slashes ? 0x2F : 0x22))
        let control = (word &- ones &* 0x20) & ~word
        let special = control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((slashed &- ones) & ~slashed)
        return special & highs != 0
    }

    /// Appends the escape of `byte`, one that ``escapes(_:slashes:)`` answers `true` for.
    public static func appendEscape(of byte: UInt8, to out: inout [UInt8]) {
        out.append(0x5C)
        switch byte {
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        case 0x00..<0x20:
            out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hexDigit(byte >> 4), hexDigit(byte & 0xF)])
        default: out.append(byte) // " \ /
        }
    }

    /// Appends `bytes` quoted, each byte that needs it escaped.
    public static func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, slashes: Bool, to out: inout [UInt8]) {
        out.append(0x22)
        var start = 0
        if needsEscape(bytes, slashes: slashes) {
            for index in bytes.indices where escapes(bytes[index], slashes: slashes) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                appendEscape(of: bytes[index], to: &out)
                start = index + 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        out.append(0x22)
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}

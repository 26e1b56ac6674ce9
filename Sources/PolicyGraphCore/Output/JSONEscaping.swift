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
    /// vector, then eight (exact tests for a byte below 0x20 and for a byte equal
    /// to each special one, on a 64-bit word), then byte by byte. Most strings need no escape, and
    /// their bytes then go in at once.
    public static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>, slashes: Bool) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // A byte that is zero in `word ^ (ones * b)` is a byte equal to b: (x - ones) & ~x has its high bit set there.
        let slash: UInt64 = slashes ? ones &* 0x2F : ones &* 0x22
        var index = 0
        // Sixteen bytes at a time as a vector (one compare per special byte over the whole vector).
        let quotes = SIMD16<UInt8>(repeating: 0x22), backslashes = SIMD16<UInt8>(repeating: 0x5C)
        let slashed16 = SIMD16<UInt8>(repeating: slashes ? 0x2F : 0x22), space = SIMD16<UInt8>(repeating: 0x20)
        while index + 16 <= bytes.count {
            let vector = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
            let special = (vector .< space) .| (vector .== quotes) .| (vector .== backslashes) .| (vector .== slashed16)
            if any(special) { return true }
            index += 16
        }
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C), slashed = word ^ slash
            let control = (word &- ones &* 0x20) & ~word
            let special = control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((slashed &- ones) & ~slashed)
            if special & highs != 0 { return true }
            index += 8
        }
        while index < bytes.count {
            if escapes(bytes[index], slashes: slashes) { return true }
            index += 1
        }
        return false
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

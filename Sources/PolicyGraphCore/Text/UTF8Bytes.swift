/// Byte-level helpers for UTF-8 text.
///
/// Every offset in PolicyGraph is a UTF-8 byte offset. These helpers decode one
/// scalar at a time from a byte buffer so that hot loops never build
/// `Character`s or `String`s.
public enum UTF8Bytes {
    /// The length of the UTF-8 sequence that starts with `lead`, or 1 for a
    /// stray continuation byte (so that loops always advance).
    @inline(__always)
    public static func sequenceLength(lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead < 0xC0 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// Whether `byte` continues a multi-byte sequence.
    @inline(__always)
    public static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// Decodes the scalar that starts at `index`; returns its value and length.
    /// Truncated sequences decode to U+FFFD with the bytes that remain.
    @inline(__always)
    public static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        // Chinese text is mostly three-byte sequences: decoded without the loop below.
        if lead >= 0xE0, lead < 0xF0, index + 2 < bytes.count {
            return (UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        let length = sequenceLength(lead: lead)
        guard length > 1, index + length <= bytes.count else { return (0xFFFD, 1) }
        var value: UInt32
        switch length {
        case 2: value = UInt32(lead & 0x1F)
        case 3: value = UInt32(lead & 0x0F)
        default: value = UInt32(lead & 0x07)
        }
        for offset in 1..<length {
            value = (value << 6) | UInt32(bytes[index + offset] & 0x3F)
        }
        return (value, length)
    }

    /// The start of the scalar that ends just before `index`.
    @inline(__always)
    public static func previousScalarStart(in bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Int {
        var start = index - 1
        while start > 0, isContinuation(bytes[start]), index - start < 4 { start -= 1 }
        return start
    }

    /// Appends the UTF-8 encoding of `scalar` to `output`.
    @inline(__always)
    public static func append(_ scalar: UInt32, to output: inout [UInt8]) {
        let (encoded, count) = packed(scalar)
        for index in 0..<count { output.append(UInt8(truncatingIfNeeded: encoded >> (8 * UInt32(index)))) }
    }

    /// The UTF-8 encoding of `scalar`, its first byte lowest, and its length (1 to 4): written
    /// as it is where the bytes go (an array, a writer's memory) without an array made for it.
    @inline(__always)
    static func packed(_ scalar: UInt32) -> (bytes: UInt32, count: Int) {
        switch scalar {
        case 0..<0x80:
            return (scalar, 1)
        case 0x80..<0x800:
            return (0xC0 | scalar >> 6 | (0x80 | scalar & 0x3F) << 8, 2)
        case 0x800..<0x10000:
            return (0xE0 | scalar >> 12 | (0x80 | scalar >> 6 & 0x3F) << 8 | (0x80 | scalar & 0x3F) << 16, 3)
        default:
            // The lead is `0xF0 | scalar >> 18` for every scalar below 0x4000000 (the masked bits
            // are set by 0xF0 anyway); above it that byte did not exist (a trap), now it is cut.
            return (0xF0 | scalar >> 18 & 0x0F | (0x80 | scalar >> 12 & 0x3F) << 8 | (0x80 | scalar >> 6 & 0x3F) << 16
                    | (0x80 | scalar & 0x3F) << 24, 4)
        }
    }

    /// The UTF-8 encoding of one scalar.
    public static func encode(_ scalar: UInt32) -> [UInt8] {
        var bytes: [UInt8] = []
        append(scalar, to: &bytes)
        return bytes
    }
}

/// Classes of scalars that the normaliser and the recognisers care about.
public enum ScalarClass {
    /// CJK ideographs, including the extension blocks and 〇.
    @inline(__always)
    public static func isIdeograph(_ u: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(u) || (0x3400...0x4DBF).contains(u)
            || (0x20000...0x3134F).contains(u) || (0xF900...0xFAFF).contains(u) || u == 0x3007
    }

    /// ASCII letters and digits.
    @inline(__always)
    public static func isASCIIAlphanumeric(_ u: UInt32) -> Bool {
        (0x30...0x39).contains(u) || (0x41...0x5A).contains(u) || (0x61...0x7A).contains(u)
    }

    /// ASCII digits.
    @inline(__always)
    public static func isDigit(_ u: UInt32) -> Bool { (0x30...0x39).contains(u) }

    /// Horizontal white space: space, tab, no-break space, ideographic space.
    @inline(__always)
    public static func isHorizontalSpace(_ u: UInt32) -> Bool {
        u == 0x20 || u == 0x09 || u == 0xA0 || u == 0x3000 || u == 0x0D || u == 0x0C
    }

    /// Punctuation that ends a sentence: 。！？；!?; and the ellipsis.
    @inline(__always)
    public static func isSentenceTerminal(_ u: UInt32) -> Bool {
        u == 0x3002 || u == 0xFF01 || u == 0xFF1F || u == 0xFF1B || u == 0x21 || u == 0x3F || u == 0x3B
            || u == 0x2026 || u == 0xFF0E
    }

    /// Closing quotes and brackets that may follow a sentence's terminal mark.
    @inline(__always)
    public static func isClosingQuote(_ u: UInt32) -> Bool {
        u == 0x201D || u == 0x2019 || u == 0x300D || u == 0x300F || u == 0xFF09 || u == 0x29 || u == 0x300B
            || u == 0x22
    }

    /// Any punctuation or symbol: ASCII punctuation, general punctuation, CJK
    /// symbols and punctuation, full-width forms that are not letters or digits.
    @inline(__always)
    public static func isPunctuation(_ u: UInt32) -> Bool {
        if u < 0x80 {
            return (0x21...0x2F).contains(u) || (0x3A...0x40).contains(u) || (0x5B...0x60).contains(u)
                || (0x7B...0x7E).contains(u)
        }
        return (0x2010...0x206F).contains(u) || (0x3000...0x3006).contains(u) || (0x3008...0x303F).contains(u)
            || (0xFF01...0xFF0F).contains(u) || (0xFF1A...0xFF20).contains(u) || (0xFF3B...0xFF40).contains(u)
            || (0xFF5B...0xFF65).contains(u) || (0x25A0...0x25FF).contains(u) || (0x2190...0x21FF).contains(u)
            || (0xFE30...0xFE4F).contains(u) || u == 0x00B7 || u == 0x00D7 || (0x2600...0x27BF).contains(u)
    }
}

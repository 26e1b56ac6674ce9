/// Writes JSON into a byte array in the bytes `JSONEncoder` writes with
/// `[.sortedKeys]` and no other formatting: no whitespace, `"key":value`,
/// empty containers as `[]` and `{}`, and `/` escaped as `\/`. The caller
/// writes the keys of each object in sorted order.
///
/// It is the compact sibling of ``PrettyJSONWriter``: what the store keeps of
/// each document is written with it, on the thread that extracted the document.
///
/// ```swift
/// var json = CompactJSONWriter()
/// json.beginObject(); json.key("year"); json.int(2027); json.endObject()
/// json.bytes   // {"year":2027}
/// ```
public struct CompactJSONWriter {
    /// What has been written so far.
    public private(set) var bytes: [UInt8] = []
    /// Whether the next value or key is the first of its container (no comma before it).
    private var first = true
    private var afterKey = false

    /// - Parameter capacity: bytes reserved at once (a guess at the length, to spare regrowing).
    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// The next member's key, a literal (members in sorted order are the caller's job).
    public mutating func key(_ name: StaticString) {
        separate()
        name.withUTF8Buffer { key in
            assert(!key.contains { Self.escapes($0) }, "a key literal that needs escaping")
            bytes.append(0x22)
            bytes.append(contentsOf: key)
            bytes.append(0x22)
            bytes.append(0x3A)
        }
        afterKey = true
    }

    public mutating func string(_ value: String) {
        separate()
        appendString(value)
    }

    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    public mutating func int(_ value: Int) {
        separate()
        appendDecimal(value)
    }

    public mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) // null
    }

    /// An array of integers.
    public mutating func ints(_ values: [Int]) {
        beginArray()
        for value in values { int(value) }
        endArray()
    }

    /// An array of strings.
    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        first = true
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        first = false
    }

    /// A comma before every value or key of a container but its first; nothing after a key.
    private mutating func separate() {
        if afterKey { afterKey = false; return }
        if !first { bytes.append(0x2C) }
        first = false
    }

    /// The decimal digits of `value`, as `String(value)` spells them, without making that string.
    private mutating func appendDecimal(_ value: Int) {
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0) // room for the 20 digits of UInt64.max
        withUnsafeMutableBytes(of: &digits) { scratch in
            var start = scratch.count
            repeat {
                start -= 1
                scratch[start] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: scratch[start...])
        }
    }

    /// A quoted string, escaped as `JSONEncoder` escapes it: `"`, `\`, `/` and the control bytes.
    private mutating func appendString(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            bytes.append(0x22)
            var start = 0
            if Self.needsEscape(utf8) {
                for index in utf8.indices where Self.escapes(utf8[index]) {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                    appendEscaped(utf8[index])
                    start = index + 1
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
            bytes.append(0x22)
        }
    }

    private static func escapes(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x2F || byte == 0x5C
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        bytes.append(0x5C)
        switch byte {
        case 0x22, 0x2F, 0x5C: bytes.append(byte)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            let hex: StaticString = "0123456789abcdef"
            hex.withUTF8Buffer { digits in
                bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
            }
        }
    }

    /// Whether `bytes` hold a control byte, a quote, a slash or a backslash: eight bytes at a
    /// time (exact tests for a zero byte and a byte below 0x20 in each 64-bit word), then byte by byte.
    static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let quote = word ^ (ones &* 0x22), slash = word ^ (ones &* 0x2F), backslash = word ^ (ones &* 0x5C)
            let control = (word &- ones &* 0x20) & ~word
            let special = control | ((quote &- ones) & ~quote) | ((slash &- ones) & ~slash) | ((backslash &- ones) & ~backslash)
            if special & highs != 0 { return true }
            index += 8
        }
        while index < bytes.count {
            if escapes(bytes[index]) { return true }
            index += 1
        }
        return false
    }
}

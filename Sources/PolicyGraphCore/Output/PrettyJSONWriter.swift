/// Writes JSON as it goes, in the bytes `JSONEncoder` writes with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (two-space indent,
/// `"key" : value`, empty containers as `[` blank line `]`), so that a large
/// answer is streamed instead of built and encoded whole. The caller writes
/// the keys of each object in sorted order.
///
/// ```swift
/// var json = PrettyJSONWriter { bytes in FileHandle.standardOutput.write(Data(bytes)) }
/// json.beginObject(); json.key("year"); json.int(2027); json.endObject()
/// json.finish()   // {\n  "year" : 2027\n}
/// ```
public struct PrettyJSONWriter {
    private var buffer: [UInt8] = []
    /// Per open container: how many values it holds so far.
    private var counts: [Int] = []
    private var afterKey = false
    private let sink: ([UInt8]) -> Void
    /// Bytes kept before they go to the sink.
    public static let chunkSize = 1 << 16

    /// - Parameter sink: receives the bytes in chunks, in order.
    public init(sink: @escaping ([UInt8]) -> Void) {
        self.sink = sink
        buffer.reserveCapacity(Self.chunkSize + 1024)
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// The next member's key (members in sorted order are the caller's job).
    public mutating func key(_ name: String) {
        separate()
        appendString(name)
        appendColon()
        afterKey = true
    }

    /// The next member's key, a literal: its bytes go in as they are, with no
    /// `String` made for it (a key literal needs no escape).
    public mutating func key(_ name: StaticString) {
        separate()
        buffer.append(0x22)
        name.withUTF8Buffer { key in
            assert(!key.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }, "a key literal that needs escaping")
            buffer.append(contentsOf: key)
        }
        buffer.append(0x22)
        appendColon()
        afterKey = true
    }

    public mutating func string(_ value: String) {
        separate()
        appendString(value)
        flushIfFull()
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

    public mutating func bool(_ value: Bool) {
        separate()
        buffer.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func null() {
        separate()
        buffer.append(contentsOf: "null".utf8)
    }

    /// An array of strings.
    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// A line break after the last value, as a file ends.
    public mutating func lineBreak() {
        buffer.append(0x0A)
    }

    /// Hands the remaining bytes to the sink.
    public mutating func finish() {
        if !buffer.isEmpty { sink(buffer) }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        buffer.append(bracket)
        counts.append(0)
    }

    private mutating func close(_ bracket: UInt8) {
        let count = counts.removeLast()
        // An empty container: `[`, a blank line, `]`.
        if count == 0 { buffer.append(0x0A) }
        newLine(indent: counts.count)
        buffer.append(bracket)
        flushIfFull()
    }

    /// What comes before a value or key: nothing after a key, else a comma (not first), a new line and the indent.
    private mutating func separate() {
        if afterKey { afterKey = false; return }
        guard !counts.isEmpty else { return }
        if counts[counts.count - 1] > 0 { buffer.append(0x2C) }
        counts[counts.count - 1] += 1
        newLine(indent: counts.count)
    }

    /// ` : ` after a key, byte by byte (an array literal here was a heap allocation per key).
    @inline(__always)
    private mutating func appendColon() {
        buffer.append(0x20)
        buffer.append(0x3A)
        buffer.append(0x20)
    }

    /// A line break and two spaces per level, appended as one slice of ``lineStarts``
    /// (a `repeatElement` appended a byte at a time).
    private mutating func newLine(indent level: Int) {
        let width = 1 + 2 * level
        guard width <= Self.lineStarts.count else {
            buffer.append(0x0A)
            buffer.append(contentsOf: repeatElement(0x20, count: 2 * level))
            return
        }
        Self.lineStarts.withUnsafeBufferPointer { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<width])) }
    }

    /// A line break and the spaces of the first 32 levels.
    private static let lineStarts: [UInt8] = [0x0A] + Array(repeating: 0x20, count: 64)

    private mutating func flushIfFull() {
        if buffer.count >= Self.chunkSize { finish() }
    }

    /// The decimal digits of `value`, as `String(value)` spells them, without making that string.
    private mutating func appendDecimal(_ value: Int) {
        if value < 0 { buffer.append(0x2D) }
        // The magnitude as unsigned, so that Int.min has one too.
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes: room for the 20 digits of UInt64.max
        withUnsafeMutableBytes(of: &digits) { scratch in
            var start = scratch.count
            repeat {
                start -= 1
                scratch[start] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
            } while magnitude > 0
            buffer.append(contentsOf: scratch[start...])
        }
    }

    /// A quoted string, escaped as `JSONEncoder` escapes it (slashes as they are).
    private mutating func appendString(_ value: String) {
        buffer.append(0x22)
        // Most strings need no escape: their bytes go in at once, found with one pass over contiguous storage.
        var value = value
        let done = value.withUTF8 { bytes -> Bool in
            for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5C { return false }
            buffer.append(contentsOf: bytes)
            return true
        }
        if done {
            buffer.append(0x22)
            return
        }
        for byte in value.utf8 {
            switch byte {
            case 0x22: buffer.append(contentsOf: [0x5C, 0x22])
            case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: buffer.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: buffer.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: buffer.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: buffer.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: buffer.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x00..<0x20:
                let digits: [UInt8] = Array("0123456789abcdef".utf8)
                buffer.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
            default: buffer.append(byte)
            }
        }
        buffer.append(0x22)
    }
}

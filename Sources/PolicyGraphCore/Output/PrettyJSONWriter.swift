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
public struct PrettyJSONWriter: JSONWriting {
    /// The bytes written and not yet handed on are the first `used` of `buffer`'s room:
    /// a value is written by stores through its pointer after one check for room, with
    /// no uniqueness check or closure per write (an array's `withUnsafeMutableBufferPointer`
    /// cost more than most values' bytes). A copy of a writer shares the buffer: write through one.
    private let buffer: Buffer
    private var used = 0
    /// How many containers are open, and how many values the innermost holds so far; the
    /// counts of the containers around it wait in `outerCounts`, touched only when a container
    /// opens or closes (not for every value, which would check the array's uniqueness each time).
    private var depth = 0
    private var count = 0
    private var outerCounts: [Int] = []
    private var afterKey = false
    /// Receives each chunk in place: the writer's own memory, valid only during the call.
    private let sink: (UnsafeRawBufferPointer) -> Void
    /// Bytes kept before they go to the sink.
    public static let chunkSize = 1 << 16

    /// - Parameter sink: receives the bytes in chunks, in order.
    public init(sink: @escaping ([UInt8]) -> Void) {
        self.init(chunks: { sink(Array($0)) })
    }

    private init(chunks: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.sink = chunks
        buffer = Buffer(capacity: Self.chunkSize + 4096)
    }

    /// A writer that hands each chunk over in place, with no array made for it: the bytes
    /// are the writer's own and valid only while `sink` runs (write them, or copy them).
    ///
    /// ```swift
    /// var json = PrettyJSONWriter.handingChunksInPlace { try? FileHandle.standardOutput.write(contentsOf: $0) }
    /// ```
    /// - Parameter sink: receives the bytes in chunks, in order.
    public static func handingChunksInPlace(to sink: @escaping (UnsafeRawBufferPointer) -> Void) -> PrettyJSONWriter {
        PrettyJSONWriter(chunks: sink)
    }

    /// The memory the bytes are written to, owned and freed here.
    private final class Buffer {
        private(set) var base: UnsafeMutablePointer<UInt8>
        private(set) var capacity: Int

        init(capacity: Int) {
            base = .allocate(capacity: capacity)
            self.capacity = capacity
        }

        /// Room for at least `size` bytes, the first `used` kept.
        func grow(to size: Int, keeping used: Int) {
            let capacity = max(size, 2 * self.capacity)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: base, count: used)
            base.deallocate()
            base = grown
            self.capacity = capacity
        }

        deinit { base.deallocate() }
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
    @inline(__always)
    public mutating func key(_ name: StaticString) {
        separate()
        name.withUTF8Buffer { key in
            assert(!key.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }, "a key literal that needs escaping")
            write(upTo: key.count + 5) { out in
                out[0] = 0x22
                if key.count > 0 { (out + 1).update(from: key.baseAddress!, count: key.count) }
                out[key.count + 1] = 0x22
                out[key.count + 2] = 0x20
                out[key.count + 3] = 0x3A
                out[key.count + 4] = 0x20
                return key.count + 5
            }
        }
        afterKey = true
    }

    public mutating func string(_ value: String) {
        separate()
        appendString(value)
        flushIfFull()
    }

    /// A string given as valid UTF-8 bytes: quoted and escaped as they are, no `String` made.
    public mutating func string(utf8 value: UnsafeBufferPointer<UInt8>) {
        separate()
        appendQuoted(value)
        flushIfFull()
    }

    public mutating func int(_ value: Int) {
        separate()
        appendDecimal(value)
    }

    /// An array of strings: an empty one written at once (most entities have no alias).
    public mutating func strings(_ values: [String]) {
        guard !values.isEmpty else { return emptyArray() }
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// The bytes of `beginArray()` and `endArray()` with nothing between: `[`, a blank line,
    /// the indent and `]`.
    private mutating func emptyArray() {
        separate()
        let width = 2 * depth
        write(upTo: width + 4) { out in
            out[0] = UInt8(ascii: "[")
            out[1] = 0x0A
            out[2] = 0x0A
            (out + 3).initialize(repeating: 0x20, count: width)
            out[3 + width] = UInt8(ascii: "]")
            return width + 4
        }
        flushIfFull()
    }

    /// An array of integers, written with one check for room: the bytes of `beginArray()`,
    /// `int(_:)` for each value and `endArray()`.
    public mutating func ints(_ values: [Int]) {
        guard !values.isEmpty else { return emptyArray() }
        separate()
        let width = 2 * (depth + 1)
        // "[", then per value a comma (not first), a line break, the indent and at most 20 digits
        // and a sign; then a line break, the outer indent and "]".
        write(upTo: 1 + values.count * (width + 23) + width + 1) { out in
            out[0] = UInt8(ascii: "[")
            var index = 1
            for (position, value) in values.enumerated() {
                if position > 0 { out[index] = 0x2C; index += 1 }
                out[index] = 0x0A
                (out + index + 1).initialize(repeating: 0x20, count: width)
                index += 1 + width
                index += JSONDecimal.write(value, to: out + index)
            }
            out[index] = 0x0A
            (out + index + 1).initialize(repeating: 0x20, count: width - 2)
            index += width - 1
            out[index] = UInt8(ascii: "]")
            return index + 1
        }
        flushIfFull()
    }

    public mutating func bool(_ value: Bool) {
        separate()
        appendLiteral(value ? "true" : "false")
    }

    public mutating func null() {
        separate()
        appendLiteral("null")
    }

    /// A line break after the last value, as a file ends.
    public mutating func lineBreak() {
        appendByte(0x0A)
    }

    /// Hands the remaining bytes to the sink.
    public mutating func finish() {
        if used > 0 { sink(UnsafeRawBufferPointer(start: buffer.base, count: used)) }
        used = 0
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        appendByte(bracket)
        outerCounts.append(count)
        count = 0
        depth += 1
    }

    private mutating func close(_ bracket: UInt8) {
        let count = self.count
        self.count = outerCounts.removeLast()
        depth -= 1
        let width = 2 * depth
        write(upTo: width + 3) { out in
            // An empty container: `[`, a blank line, `]`.
            var index = 0
            if count == 0 { out[0] = 0x0A; index = 1 }
            out[index] = 0x0A
            (out + index + 1).initialize(repeating: 0x20, count: width)
            out[index + 1 + width] = bracket
            return index + 2 + width
        }
        flushIfFull()
    }

    /// What comes before a value or key: nothing after a key, else a comma (not first), a new line and the indent.
    private mutating func separate() {
        if afterKey { afterKey = false; return }
        guard depth > 0 else { return }
        let comma = count > 0
        count += 1
        let width = 2 * depth
        write(upTo: width + 2) { out in
            var index = 0
            if comma { out[0] = 0x2C; index = 1 }
            out[index] = 0x0A
            (out + index + 1).initialize(repeating: 0x20, count: width)
            return index + 1 + width
        }
    }

    /// ` : ` after a key.
    private mutating func appendColon() {
        write(upTo: 3) { out in
            out[0] = 0x20; out[1] = 0x3A; out[2] = 0x20
            return 3
        }
    }

    private mutating func appendByte(_ byte: UInt8) {
        write(upTo: 1) { out in
            out[0] = byte
            return 1
        }
    }

    private mutating func appendLiteral(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes in append(bytes) }
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        write(upTo: bytes.count) { out in
            out.update(from: base, count: bytes.count)
            return bytes.count
        }
    }

    /// Makes room for `count` more bytes, lets `body` write at most that many at the pointer
    /// it is given, and keeps as many as it says it wrote.
    @inline(__always)
    private mutating func write(upTo count: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        // Room for a value longer than the chunk (a long string): the buffer at least doubles.
        if used + count > buffer.capacity { buffer.grow(to: used + count, keeping: used) }
        used += body(buffer.base + used)
    }

    private mutating func flushIfFull() {
        if used >= Self.chunkSize { finish() }
    }

    /// The decimal digits of `value`, as `String(value)` spells them, without making that string.
    private mutating func appendDecimal(_ value: Int) {
        write(upTo: JSONDecimal.maximumCount) { out in JSONDecimal.write(value, to: out) }
    }

    /// A quoted string, escaped as `JSONEncoder` escapes it (slashes as they are).
    private mutating func appendString(_ value: String) {
        var value = value
        value.withUTF8 { appendQuoted($0) }
    }

    /// ``appendString(_:)`` of a string's UTF-8 bytes.
    private mutating func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Most strings need no escape: their bytes go in at once, found with one pass over them.
        guard JSONEscaping.needsEscape(bytes, slashes: false) else {
            write(upTo: bytes.count + 2) { out in
                out[0] = 0x22
                if let base = bytes.baseAddress, bytes.count > 0 { (out + 1).update(from: base, count: bytes.count) }
                out[bytes.count + 1] = 0x22
                return bytes.count + 2
            }
            return
        }
        var quoted: [UInt8] = []
        JSONEscaping.appendQuoted(bytes, slashes: false, to: &quoted)
        quoted.withUnsafeBufferPointer { append($0) }
    }
}

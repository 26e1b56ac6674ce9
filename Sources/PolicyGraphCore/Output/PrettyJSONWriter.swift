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
        string(name)
        appendColon()
        afterKey = true
    }

    /// The next member's key, a literal: its bytes go in as they are, with no
    /// `String` made for it (a key literal needs no escape).
    @inline(__always)
    public mutating func key(_ name: StaticString) {
        // The separator before it and the key in one write, with one check for room.
        let separator = nextSeparator()
        name.withUTF8Buffer { key in
            assert(!key.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }, "a key literal that needs escaping")
            write(upTo: Self.room(for: separator) + key.count + 5) { out in
                let at = Self.write(separator, to: out)
                let out = out + at
                out[0] = 0x22
                if key.count > 0 { (out + 1).update(from: key.baseAddress!, count: key.count) }
                out[key.count + 1] = 0x22
                out[key.count + 2] = 0x20
                out[key.count + 3] = 0x3A
                out[key.count + 4] = 0x20
                return at + key.count + 5
            }
        }
        afterKey = true
    }

    public mutating func string(_ value: String) {
        // The string's own bytes (a small string's from a copy on the stack), not a copy of the
        // string made to reach them; a string without contiguous UTF-8 is copied first.
        if value.utf8.withContiguousStorageIfAvailable({ string(utf8: $0) }) == nil {
            var value = value
            value.withUTF8 { string(utf8: $0) }
        }
    }

    /// A string given as valid UTF-8 bytes: quoted and escaped as they are, no `String` made.
    /// A string that needs no escape goes in with the separator before it, in one write.
    public mutating func string(utf8 value: UnsafeBufferPointer<UInt8>) {
        let separator = nextSeparator()
        if JSONEscaping.needsEscape(value, slashes: false) {
            write(upTo: Self.room(for: separator)) { Self.write(separator, to: $0) }
            appendEscaped(value)
        } else {
            write(upTo: Self.room(for: separator) + value.count + 2) { out in
                let at = Self.write(separator, to: out)
                out[at] = 0x22
                if let base = value.baseAddress, value.count > 0 { (out + at + 1).update(from: base, count: value.count) }
                out[at + value.count + 1] = 0x22
                return at + value.count + 2
            }
        }
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
        let separator = nextSeparator()
        let width = 2 * depth
        write(upTo: Self.room(for: separator) + Self.room(forSpaces: width) + 4) { out in
            let at = Self.write(separator, to: out)
            let out = out + at
            out[0] = UInt8(ascii: "[")
            out[1] = 0x0A
            out[2] = 0x0A
            Self.spaces(out + 3, width)
            out[3 + width] = UInt8(ascii: "]")
            return at + width + 4
        }
        flushIfFull()
    }

    /// An array of integers, written with one check for room: the bytes of `beginArray()`,
    /// `int(_:)` for each value and `endArray()`.
    public mutating func ints(_ values: [Int]) {
        guard !values.isEmpty else { return emptyArray() }
        let separator = nextSeparator()
        let width = 2 * (depth + 1)
        // The separator; "[", then per value a comma (not first), a line break, the indent and at
        // most 20 digits and a sign; then a line break, the outer indent and "]" (each indent
        // with the room its spaces' store may take).
        let spaces = Self.room(forSpaces: width)
        write(upTo: Self.room(for: separator) + 1 + values.count * (spaces + 23) + spaces + 1) { out in
            var index = Self.write(separator, to: out)
            out[index] = UInt8(ascii: "[")
            index += 1
            for (position, value) in values.enumerated() {
                if position > 0 { out[index] = 0x2C; index += 1 }
                out[index] = 0x0A
                Self.spaces(out + index + 1, width)
                index += 1 + width
                index += JSONDecimal.write(value, to: out + index)
            }
            out[index] = 0x0A
            Self.spaces(out + index + 1, width - 2)
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
        write(upTo: Self.room(forSpaces: width) + 3) { out in
            // An empty container: `[`, a blank line, `]`.
            var index = 0
            if count == 0 { out[0] = 0x0A; index = 1 }
            out[index] = 0x0A
            Self.spaces(out + index + 1, width)
            out[index + 1 + width] = bracket
            return index + 2 + width
        }
        flushIfFull()
    }

    /// What comes before a value or key: nothing after a key, else a comma (not first), a new line and the indent.
    private mutating func separate() {
        let separator = nextSeparator()
        guard separator >= 0 else { return }
        write(upTo: Self.room(for: separator)) { Self.write(separator, to: $0) }
    }

    /// The separator before the next value or key, decided now (the container's count moves
    /// on) and written by ``write(_:to:)``, so that a value writes it with its own bytes in one
    /// write: -1 for none (after a key, or at the top), else the indent's width, with 1 << 32
    /// added when a comma comes first.
    @inline(__always)
    private mutating func nextSeparator() -> Int {
        if afterKey { afterKey = false; return -1 }
        guard depth > 0 else { return -1 }
        let comma = count > 0
        count += 1
        return 2 * depth | (comma ? 1 << 32 : 0)
    }

    /// The room ``write(_:to:)`` may use for `separator`.
    @inline(__always)
    private static func room(for separator: Int) -> Int {
        separator < 0 ? 0 : 2 + room(forSpaces: separator & 0xFFFF_FFFF)
    }

    /// Writes `separator` (``nextSeparator()``) at `out`; its length.
    @inline(__always)
    private static func write(_ separator: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        guard separator >= 0 else { return 0 }
        let width = separator & 0xFFFF_FFFF
        var index = 0
        if separator >> 32 != 0 { out[0] = 0x2C; index = 1 }
        out[index] = 0x0A
        spaces(out + index + 1, width)
        return index + 1 + width
    }

    /// The room ``spaces(_:_:)`` may use for `width` spaces.
    @inline(__always)
    private static func room(forSpaces width: Int) -> Int { max(width, 16) }

    /// Writes `width` spaces at `out` (an indent): up to sixteen with one vector store, which
    /// may write spaces past them (room for sixteen is made; the bytes past the count written
    /// are not kept), instead of a call to fill them.
    @inline(__always)
    private static func spaces(_ out: UnsafeMutablePointer<UInt8>, _ width: Int) {
        if width <= 16 {
            UnsafeMutableRawPointer(out).storeBytes(of: SIMD16<UInt8>(repeating: 0x20), as: SIMD16<UInt8>.self)
        } else {
            out.initialize(repeating: 0x20, count: width)
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

    /// A quoted string that needs escaping, escaped as `JSONEncoder` escapes it (slashes as they are).
    private mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        var quoted: [UInt8] = []
        JSONEscaping.appendQuoted(bytes, slashes: false, to: &quoted)
        quoted.withUnsafeBufferPointer { append($0) }
    }
}

import PolicyGraphCore

/// Bytes appended to memory of its own and handed to a ``StreamedFile`` in blocks:
/// what the exports write their lines and elements into. An append is a bounds
/// test and a copy (an array's also tests, every time, that its storage is not
/// shared), hence not copyable.
///
/// ```swift
/// var buffer = ByteBuffer(file: try StreamedFile(path: "graph.dot"))
/// buffer.append("digraph {\n"); buffer.appendDecimal(42)
/// try buffer.handOverIfFull()   // after each line or element
/// try buffer.finish()           // writes the rest and puts the file in place
/// ```
struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    /// `nil`: the bytes are only gathered (tests read ``bytes``).
    private let file: StreamedFile?

    /// How many bytes to gather before handing them to the file.
    static let blockSize = 64 * 1024

    init(file: StreamedFile?) {
        self.file = file
        capacity = Self.blockSize + 4096
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// The bytes not yet handed to the file (all of them when there is no file).
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Hands the bytes to the file once they fill a block.
    @inline(__always)
    mutating func handOverIfFull() throws {
        if count >= Self.blockSize { try handOver() }
    }

    /// Hands the rest to the file and puts the file in place.
    mutating func finish() throws {
        try handOver()
        try file?.finish()
    }

    private mutating func handOver() throws {
        guard let file else { return }
        try file.write(UnsafeBufferPointer(start: base, count: count))
        count = 0
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    @inline(__always)
    mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let start = source.baseAddress, !source.isEmpty else { return }
        if source.count > capacity - count { grow(source.count) }
        (base + count).update(from: start, count: source.count)
        count += source.count
    }

    /// The UTF-8 bytes of `text`.
    mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// The decimal digits of `value` (`String(value)`), with a `-` if negative, written in place.
    mutating func appendDecimal(_ value: Int) {
        if value < 0 { append(0x2D) }
        var magnitude = value.magnitude
        var length = 1
        var rest = magnitude / 10
        while rest > 0 {
            length += 1
            rest /= 10
        }
        if length > capacity - count { grow(length) }
        var position = count + length
        repeat {
            position -= 1
            base[position] = 0x30 + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        count += length
    }

    /// Room for `extra` more bytes (a value longer than what is left of the block).
    @inline(never)
    private mutating func grow(_ extra: Int) {
        let newCapacity = max(2 * capacity, count + extra)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        larger.initialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = newCapacity
    }
}

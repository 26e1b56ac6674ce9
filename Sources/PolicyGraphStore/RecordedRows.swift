/// Rows for several ``BulkInsert``s written down as bytes, to be bound later,
/// in the same order, by ``replay(into:)``: how the graph tables' edge rows are
/// made on one thread (the edge walk, sentence numbers, offsets JSON) and
/// bound on the database's thread (``RowPipe``).
///
/// Replaying calls the inserts' `text`, `integer`, `null` and `insert` exactly
/// as binding them directly would have, so each table gets the same rows in
/// the same batches, and the store file is the same bytes.
///
/// ```swift
/// let rows = RecordedRows()
/// rows.row(of: 0)
/// rows.text("edge_1")
/// rows.integer(nil)
/// rows.endRow()
/// try rows.replay(into: [edges])   // edges.text("edge_1"); edges.null(); try edges.insert()
/// ```
///
/// A batch is filled by one thread, then handed to another (``RowPipe``) and
/// only read there: it is a class so that handing it on copies no bytes.
final class RecordedRows: @unchecked Sendable {
    /// A row is the index of its insert, its values, and ``Tag/end``; a value is a tag byte and its
    /// payload: an integer's 8 bytes, a text's length (8 bytes) and UTF-8 bytes, nothing for NULL.
    private var start: UnsafeMutableRawPointer
    private var capacity: Int
    /// The bytes recorded so far: what a batch is measured by.
    private(set) var byteCount = 0

    private enum Tag {
        static let null: UInt8 = 0
        static let integer: UInt8 = 1
        static let text: UInt8 = 2
        static let end: UInt8 = 3
    }

    /// - Parameter capacity: the bytes to make room for at once (more are made when needed).
    init(capacity: Int = 256) {
        self.capacity = max(capacity, 64)
        start = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 8)
    }

    deinit { start.deallocate() }

    var isEmpty: Bool { byteCount == 0 }

    /// The bytes recorded (tests compare them).
    var bytes: [UInt8] { Array(UnsafeRawBufferPointer(start: start, count: byteCount)) }

    /// Records the next value: `value` as text, or NULL.
    func text(_ value: String?) {
        guard var value else { return null() }
        value.withUTF8 { text(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Records the next value: the text whose UTF-8 bytes are `bytes` (valid UTF-8).
    func text(bytes text: UnsafeRawBufferPointer) {
        let at = room(9 + text.count)
        at.storeBytes(of: Tag.text, as: UInt8.self)
        at.storeBytes(of: Int64(text.count).littleEndian, toByteOffset: 1, as: Int64.self)
        if let source = text.baseAddress, !text.isEmpty { (at + 9).copyMemory(from: source, byteCount: text.count) }
    }

    /// Records the next value: `value` as an integer, or NULL.
    func integer(_ value: Int?) {
        guard let value else { return null() }
        let at = room(9)
        at.storeBytes(of: Tag.integer, as: UInt8.self)
        at.storeBytes(of: Int64(value).littleEndian, toByteOffset: 1, as: Int64.self)
    }

    /// Records the next value: NULL.
    func null() { room(1).storeBytes(of: Tag.null, as: UInt8.self) }

    /// Starts a row of `inserts[insert]` in ``replay(into:)``: its values follow, then ``endRow()``.
    func row(of insert: UInt8) { room(1).storeBytes(of: insert, as: UInt8.self) }

    /// Ends the row whose values were recorded since ``row(of:)``.
    func endRow() { room(1).storeBytes(of: Tag.end, as: UInt8.self) }

    /// Where the next `count` bytes go, counted as recorded; the storage doubles when they do not fit.
    private func room(_ count: Int) -> UnsafeMutableRawPointer {
        if capacity - byteCount < count {
            let larger = max(capacity * 2, byteCount + count)
            let moved = UnsafeMutableRawPointer.allocate(byteCount: larger, alignment: 8)
            moved.copyMemory(from: start, byteCount: byteCount)
            start.deallocate()
            (start, capacity) = (moved, larger)
        }
        let at = start + byteCount
        byteCount += count
        return at
    }

    /// Binds the recorded values, row by row, into `inserts` (a row's insert by its index) and inserts each row.
    func replay(into inserts: [BulkInsert]) throws {
        let raw = UnsafeRawBufferPointer(start: start, count: byteCount)
        var at = 0
        while at < raw.count {
            let insert = inserts[Int(raw[at])]
            at += 1
            while true {
                let tag = raw[at]
                at += 1
                if tag == Tag.end { break }
                if tag == Tag.null {
                    insert.null()
                    continue
                }
                let value = Int64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: Int64.self))
                at += 8
                if tag == Tag.integer {
                    insert.integer(Int(value))
                } else {
                    let end = at + Int(value)
                    insert.text(bytes: UnsafeRawBufferPointer(rebasing: raw[at..<end]))
                    at = end
                }
            }
            try insert.insert()
        }
    }
}

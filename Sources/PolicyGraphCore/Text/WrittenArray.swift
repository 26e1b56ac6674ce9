/// An array written through its pointer into room made at once, for a writer that appends
/// many short runs (``ByteRewriter``'s bytes and map segments): an append is a check for room
/// and stores or a `memcpy`, with no capacity, uniqueness and growth logic of `Array.append`
/// per run. The room past ``count`` is never read and is cut off by ``finish()``, which hands
/// the storage over as the pass's output array, without a copy.
///
/// For scratch values appended one at a time in a tight loop, read in place and dropped (the
/// scan's tokens), use ``GrowingBuffer``: each append here goes through
/// `withUnsafeMutableBufferPointer`, a uniqueness check that cost the dictionary scan a tenth of
/// its speed when its tokens were written here.
struct WrittenArray<Element: BitwiseCopyable> {
    /// The first ``count`` elements are those written; the rest is room.
    private var storage: [Element]
    private(set) var count = 0
    /// `storage.count`, kept here: the check for room reads no array header.
    private var capacity: Int

    /// An empty array with room for `room` elements.
    init(room: Int) {
        storage = Self.room(room)
        capacity = room
    }

    /// An array of `count` elements whose values are not set: each is written before it is
    /// read (``count`` says how many are) and the rest are cut off unread, so filling them
    /// first would be a write of the whole room for nothing. Elements are bitwise-copyable.
    private static func room(_ count: Int) -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    /// Room for `end` elements (more than made at first: a pass writing more than it read),
    /// doubling the room so that growth stays linear.
    @inline(never)
    private mutating func makeRoom(upTo end: Int) {
        storage.append(contentsOf: Self.room(max(end, 2 * capacity, 16) - capacity))
        capacity = storage.count
    }

    /// Appends `written` elements, stored by `body` from the pointer it is given.
    @inline(__always)
    mutating func append(_ written: Int, _ body: (UnsafeMutablePointer<Element>) -> Void) {
        guard written > 0 else { return }
        let end = count + written
        if end > capacity { makeRoom(upTo: end) }
        let start = count
        storage.withUnsafeMutableBufferPointer { room in body(room.baseAddress! + start) }
        count = end
    }

    /// Appends `element`.
    @inline(__always)
    mutating func append(_ element: Element) {
        append(1) { $0.pointee = element }
    }

    /// The elements written, the room cut off (it stays allocated, as an array's spare capacity).
    mutating func finish() -> [Element] {
        storage.removeSubrange(count...)
        return storage
    }
}

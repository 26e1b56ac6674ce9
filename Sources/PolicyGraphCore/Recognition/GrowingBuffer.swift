/// Values appended in place, growing by doubling, and copied into an array once at the end:
/// an array's `append` asked whether its buffer was shared at every value (a runtime call each).
/// Holds the scan's tokens (``DictionaryScanner/scan(_:)``) and the fixed words' starts
/// (``FixedWords/starts(in:)``). Deallocated by its owner.
///
/// For a pass whose output is the array itself (a text pass's bytes and offset map), use
/// ``WrittenArray``, which hands its storage over without the copy made here.
struct GrowingBuffer<Element> {
    private var start: UnsafeMutablePointer<Element>
    /// The number of values appended.
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        start = .allocate(capacity: self.capacity)
    }

    /// The last value appended, if any.
    var last: Element? { count > 0 ? start[count - 1] : nil }

    /// The value appended `index`-th (below ``count``).
    subscript(index: Int) -> Element { start[index] }

    @inline(__always)
    mutating func append(_ value: Element) {
        if count == capacity { grow() }
        (start + count).initialize(to: value)
        count += 1
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: start, count: count)
        start.deallocate()
        start = larger
        capacity *= 2
    }

    /// The values appended, in order.
    var array: [Element] { Array(UnsafeBufferPointer(start: start, count: count)) }

    /// Frees the storage (the values are deinitialised first: nothing to do for plain values).
    func deallocate() {
        start.deinitialize(count: count)
        start.deallocate()
    }
}

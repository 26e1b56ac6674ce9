/// Values of one scan as they are found (tokens, marked positions): appended in place, growing
/// by doubling, and copied into an array once at the end. `Array.append` asks whether its buffer
/// is shared for every value (a runtime call each). For values that hold no references (nothing
/// is deinitialised); deallocated by its owner.
struct GrowingBuffer<Element> {
    private var start: UnsafeMutablePointer<Element>
    private var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        start = .allocate(capacity: self.capacity)
    }

    /// The last value appended, if any.
    var last: Element? { count > 0 ? start[count - 1] : nil }

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

    /// Frees the storage (the values hold no references: nothing to deinitialise).
    func deallocate() { start.deallocate() }
}

/// The scan's tokens (``DictionaryScanner/scan(_:)``).
typealias TokenBuffer = GrowingBuffer<Token>

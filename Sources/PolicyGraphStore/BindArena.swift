/// Memory that holds the bytes of the values a ``BulkInsert`` binds until its
/// statement runs, so that SQLite can take them by pointer (`SQLITE_STATIC`)
/// instead of copying each text into memory of its own (`SQLITE_TRANSIENT`:
/// a `malloc` and a `free` per value, a million times at 100 MB of corpus).
///
/// Bytes are copied one after another into chunks; a value that does not fit
/// in the current chunk goes to the next one (made when needed, at least as
/// large as the value). ``reset()`` starts again at the first chunk once the
/// statement has run. No chunk is freed before the arena, so a pointer handed
/// out stays readable (the statement keeps its last bindings after a reset).
///
/// ```swift
/// let arena = BindArena()
/// let pointer = arena.copy(bytes)        // valid until the arena goes
/// arena.reset()                          // after the statement ran
/// ```
final class BindArena {
    /// The size of a chunk (a larger value gets a chunk of its own size).
    let chunkSize: Int
    private var chunks: [(start: UnsafeMutableRawPointer, capacity: Int)] = []
    /// The chunk being filled, and how much of it is used.
    private var current = 0
    private var used = 0

    /// - Parameter chunkSize: the bytes of a chunk (at least 1).
    init(chunkSize: Int = 64 * 1024) {
        precondition(chunkSize > 0)
        self.chunkSize = chunkSize
    }

    deinit {
        for chunk in chunks { chunk.start.deallocate() }
    }

    /// Copies `bytes` and returns where the copy is: never null, even for no bytes.
    func copy(_ bytes: UnsafeRawBufferPointer) -> UnsafePointer<CChar> {
        let count = bytes.count
        while current < chunks.count, chunks[current].capacity - used < count {
            current += 1
            used = 0
        }
        if current == chunks.count {
            let capacity = max(chunkSize, count)
            chunks.append((UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8), capacity))
            used = 0
        }
        let target = chunks[current].start + used
        if let source = bytes.baseAddress, count > 0 { target.copyMemory(from: source, byteCount: count) }
        used += count
        return UnsafePointer(target.assumingMemoryBound(to: CChar.self))
    }

    /// Makes every chunk free again (the bytes handed out stay allocated, to be overwritten).
    func reset() {
        current = 0
        used = 0
    }

    /// The number of chunks made so far.
    var chunkCount: Int { chunks.count }
}

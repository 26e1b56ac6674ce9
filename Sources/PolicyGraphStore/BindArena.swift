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
    /// The chunk being filled (`chunks.count` before the first copy).
    private var current = 0
    /// Where the next copy goes in the current chunk, and how many bytes are left there.
    @exclusivity(unchecked) private var cursor: UnsafeMutableRawPointer?
    @exclusivity(unchecked) private var room = 0

    /// - Parameter chunkSize: the bytes of a chunk (at least 1).
    init(chunkSize: Int = 64 * 1024) {
        precondition(chunkSize > 0)
        self.chunkSize = chunkSize
    }

    deinit {
        for chunk in chunks { chunk.start.deallocate() }
    }

    /// Copies `bytes` and returns where the copy is: never null, even for no bytes.
    @inline(__always)
    func copy(_ bytes: UnsafeRawBufferPointer) -> UnsafePointer<CChar> {
        let count = bytes.count
        // The usual case: room in the chunk being filled.
        guard let target = cursor, count <= room else { return copyToNextChunk(bytes) }
        if let source = bytes.baseAddress, count > 0 { target.copyMemory(from: source, byteCount: count) }
        cursor = target + count
        room -= count
        return UnsafePointer(target.assumingMemoryBound(to: CChar.self))
    }

    /// Copies `bytes` into the first chunk after the current one that holds them, made when none does.
    private func copyToNextChunk(_ bytes: UnsafeRawBufferPointer) -> UnsafePointer<CChar> {
        let count = bytes.count
        current = cursor == nil ? 0 : current + 1
        while current < chunks.count, chunks[current].capacity < count { current += 1 }
        if current == chunks.count {
            let capacity = max(chunkSize, count)
            chunks.append((UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8), capacity))
        }
        cursor = chunks[current].start
        room = chunks[current].capacity
        return copy(bytes)
    }

    /// Makes every chunk free again (the bytes handed out stay allocated, to be overwritten).
    func reset() {
        current = 0
        cursor = chunks.first?.start
        room = chunks.first?.capacity ?? 0
    }

    /// The number of chunks made so far.
    var chunkCount: Int { chunks.count }
}

import Foundation

/// Rows made on a thread of their own while the calling thread binds and
/// inserts them: the part of writing the graph tables that is not SQLite's
/// (walking the edges, numbering the sentences, encoding the offsets) runs
/// beside SQLite's own on two cores.
///
/// `produce` records rows into batches (``RecordedRows``) and hands each to
/// `emit`; `consume` gets the batches in the order they were emitted. At most
/// ``capacity`` batches wait at a time, so memory does not grow with the graph.
/// Without a side thread `produce` runs on the calling thread and each batch is
/// consumed as it is emitted: the same batches in the same order either way.
///
/// ```swift
/// let result = try RowPipe.run(sideThread: true, produce: { emit in
///     var rows = RecordedRows()
///     // … record rows, `try emit(rows)` when enough …
///     return summary
/// }, consume: { batch in try batch.replay(into: inserts) })
/// ```
enum RowPipe {
    /// The batches that may wait for the consumer at once.
    static let capacity = 4

    /// Runs `produce` (on a side thread if `sideThread`) and `consume` (on the calling thread) on
    /// every batch `produce` emits, in order; returns what `produce` returns.
    ///
    /// If `consume` throws, `produce` is stopped at its next `emit` (which throws) and the error
    /// of `consume` is rethrown; if `produce` throws, the batches it emitted before are consumed and
    /// its error is rethrown. `produce` has returned when this returns or throws.
    static func run<Output: Sendable>(sideThread: Bool,
                                      produce: @escaping @Sendable (_ emit: (RecordedRows) throws -> Void) throws -> Output,
                                      consume: (RecordedRows) throws -> Void) throws -> Output {
        guard sideThread else { return try produce { try consume($0) } }
        let channel = Channel<Output>()
        let thread = Thread { channel.finish(Result { try produce { try channel.push($0) } }) }
        // As deep as the calling thread may go, whatever the platform's default.
        thread.stackSize = 8 << 20
        thread.start()
        do {
            while let batch = channel.pop() { try consume(batch) }
        } catch {
            channel.cancel()
            _ = channel.outcome()
            throw error
        }
        return try channel.outcome().get()
    }

    /// Stops the producer of a consumer that failed.
    struct Cancelled: Error {}

    /// The batches between the two threads, and the producer's outcome, under a lock.
    private final class Channel<Output: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private var batches: [RecordedRows?] = []
        private var first = 0
        private var result: Result<Output, any Error>?
        private var cancelled = false

        /// Waits for room, then adds `batch`; throws ``Cancelled`` once the consumer has failed.
        func push(_ batch: RecordedRows) throws {
            condition.lock()
            defer { condition.unlock() }
            while batches.count - first >= RowPipe.capacity && !cancelled { condition.wait() }
            if cancelled { throw Cancelled() }
            if first >= RowPipe.capacity || first == batches.count {
                batches.removeFirst(first)
                first = 0
            }
            batches.append(batch)
            condition.broadcast()
        }

        /// The next batch, waiting for one; `nil` once the producer is done and every batch was taken.
        func pop() -> RecordedRows? {
            condition.lock()
            defer { condition.unlock() }
            while first == batches.count && result == nil { condition.wait() }
            guard first < batches.count else { return nil }
            let batch = batches[first]
            batches[first] = nil
            first += 1
            condition.broadcast()
            return batch
        }

        /// The producer's end.
        func finish(_ outcome: Result<Output, any Error>) {
            condition.lock()
            result = outcome
            condition.broadcast()
            condition.unlock()
        }

        /// Makes the producer's next push throw.
        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }

        /// Waits for the producer's end.
        func outcome() -> Result<Output, any Error> {
            condition.lock()
            defer { condition.unlock() }
            while result == nil { condition.wait() }
            return result!
        }
    }
}

import Foundation

/// A bounded pool of worker threads whose results come back in the order the
/// work was submitted, on the submitting thread.
///
/// `build` reads documents one by one, extracts them on `jobs` threads and
/// writes each result as soon as every earlier one is written: the output is
/// the same bytes whatever the number of threads, and at most ``window``
/// documents (read, in work, or done and waiting for an earlier one) are held
/// at once, so memory does not grow with the corpus.
///
/// ```swift
/// try OrderedWorkers.run(jobs: 2, produce: { submit in
///     for path in paths { let text = read(path); submit { extract(text) } }
/// }, consume: { extraction in try store.add(extraction) })
/// ```
///
/// With `jobs` 1 no thread is started: each work item runs where it is
/// submitted, and its result is consumed before the next is read.
public enum OrderedWorkers {
    /// How many items may be in flight per worker: enough that a worker never
    /// waits for the reader, few enough to keep memory flat.
    public static let itemsPerWorker = 16

    /// The number of worker threads `build` uses by default: the cores available, at least 1.
    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Calls `produce`, which hands work items to `submit`; runs them on
    /// `jobs` threads and passes each result to `consume` in submission order,
    /// on the calling thread.
    ///
    /// - Parameters:
    ///   - jobs: worker threads (1: no thread, everything in order on the caller).
    ///   - produce: submits the work; it runs on the calling thread and may throw.
    ///   - consume: receives every result in submission order; a throw stops the
    ///     run (work already started finishes, its results are dropped) and is rethrown.
    public static func run<Output: Sendable>(jobs: Int,
                                             produce: (_ submit: (@escaping @Sendable () -> Output) throws -> Void) throws -> Void,
                                             consume: (Output) throws -> Void) throws {
        // `consume` runs only here, on this thread, while `run` lasts.
        try withoutActuallyEscaping(consume) { consume in
            guard jobs > 1 else {
                try produce { work in try consume(work()) }
                return
            }
            let pool = Pool<Output>(workers: jobs, window: jobs * itemsPerWorker)
            defer { pool.stop() }
            try produce { work in
                // Wait for room, consuming finished results meanwhile.
                while let result = pool.nextResult(waitingUntilRoom: true) { try consume(result) }
                pool.submit(work)
            }
            while let result = pool.nextResult(waitingUntilRoom: false) { try consume(result) }
        }
    }

    /// The shared state: a queue of work, finished results by sequence number,
    /// and the count of results handed back. Every field is read and written
    /// under `condition`'s lock.
    final class Pool<Output: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private let window: Int
        private var queue: [(Int, @Sendable () -> Output)] = []
        private var queueStart = 0
        private var done: [Int: Output] = [:]
        private var submitted = 0
        private var consumed = 0
        private var stopping = false
        private var running = 0

        init(workers: Int, window: Int) {
            self.window = window
            running = workers
            for _ in 0..<workers {
                let thread = Thread { [self] in work() }
                // The extraction's recursion depth matches the main thread's, whatever the platform's default.
                thread.stackSize = 8 << 20
                thread.start()
            }
        }

        func submit(_ work: @escaping @Sendable () -> Output) {
            condition.lock()
            queue.append((submitted, work))
            submitted += 1
            condition.broadcast()
            condition.unlock()
        }

        /// The next result in order, once it is ready; `nil` when there is
        /// nothing more to wait for: with `waitingUntilRoom`, as soon as
        /// another item may be submitted; otherwise once every result was handed back.
        func nextResult(waitingUntilRoom: Bool) -> Output? {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let result = done.removeValue(forKey: consumed) {
                    consumed += 1
                    condition.broadcast()
                    return result
                }
                if waitingUntilRoom ? submitted - consumed < window : consumed == submitted { return nil }
                condition.wait()
            }
        }

        /// Stops the workers once the queue is empty (or at once when the run
        /// failed: queued items are dropped) and waits for them to exit.
        func stop() {
            condition.lock()
            stopping = true
            queue.removeAll()
            queueStart = 0
            condition.broadcast()
            while running > 0 { condition.wait() }
            done.removeAll()
            condition.unlock()
        }

        private func work() {
            condition.lock()
            while true {
                if queueStart < queue.count {
                    let (sequence, item) = queue[queueStart]
                    queueStart += 1
                    if queueStart == queue.count { queue.removeAll(keepingCapacity: true); queueStart = 0 }
                    condition.unlock()
                    let result = item()
                    condition.lock()
                    if !stopping { done[sequence] = result }
                    condition.broadcast()
                } else if stopping {
                    running -= 1
                    condition.broadcast()
                    condition.unlock()
                    return
                } else {
                    condition.wait()
                }
            }
        }
    }
}

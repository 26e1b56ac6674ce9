import Foundation

/// Two independent pieces of work at once: one on a thread of its own, the
/// other on the calling thread; both results when both are done.
///
/// The graph's serial end (``GraphAccumulator/built()``) finishes the
/// `mentioned_in` records beside the nodes and the other edges this way.
/// Each piece runs exactly as it would alone, so the results do not depend on
/// whether a second thread was used; with one core the two run in turn.
///
/// ```swift
/// let (nodes, mentions) = SideThread.both(side: { finishMentions() }, here: { finishNodes() })
/// ```
enum SideThread {
    /// Runs `side` on a new thread (when more than one core is available, else
    /// first, here) while `here` runs on the calling thread; returns both results.
    static func both<Side: Sendable, Here>(side: @escaping @Sendable () -> Side, here: () -> Here) -> (Side, Here) {
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return (side(), here()) }
        let slot = Slot<Side>()
        let thread = Thread { slot.put(side()) }
        // As deep as the calling thread may go, whatever the platform's default.
        thread.stackSize = 8 << 20
        thread.start()
        let hereResult = here()
        return (slot.take(), hereResult)
    }

    /// The side thread's result, handed over under a lock.
    private final class Slot<Value: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private var value: Value?

        func put(_ new: Value) {
            condition.lock()
            value = new
            condition.broadcast()
            condition.unlock()
        }

        /// Waits for the value and takes it.
        func take() -> Value {
            condition.lock()
            defer { condition.unlock() }
            while value == nil { condition.wait() }
            return value.take()!
        }
    }
}

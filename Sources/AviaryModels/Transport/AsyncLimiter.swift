import Synchronization

/// A counting semaphore for async code: at most `limit` holders at once; later callers of
/// ``acquire()`` wait in arrival order. A waiting task that is cancelled leaves the queue at once
/// with `CancellationError` (it never holds a slot). Every successful `acquire` needs one ``release()``.
public final class AsyncLimiter: Sendable {
    private typealias Waiter = (id: UInt64, continuation: CheckedContinuation<Void, any Error>)
    private struct State {
        var available: Int
        var waiters: [Waiter] = []
        var nextID: UInt64 = 0
    }
    private let state: Mutex<State>
    /// The most holders at once.
    public let limit: Int

    /// Creates a limiter with `limit` slots (at least 1).
    public init(limit: Int) {
        self.limit = max(limit, 1)
        state = Mutex(State(available: self.limit))
    }

    /// Slots taken now.
    public var inUse: Int { state.withLock { limit - $0.available } }
    /// Tasks waiting for a slot now.
    public var waiting: Int { state.withLock { $0.waiters.count } }

    /// Takes a slot, waiting for one if all are taken.
    public func acquire() async throws {
        let id: UInt64? = state.withLock { s in
            if s.available > 0 {
                s.available -= 1
                return nil
            }
            s.nextID += 1
            return s.nextID
        }
        guard let id else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                // Under the lock, so that a cancellation handler running meanwhile either sees this
                // waiter (and resumes it) or ran before it, when the task was already marked cancelled.
                let outcome: Result<Void, any Error>? = state.withLock { s in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if s.available > 0 {
                        s.available -= 1
                        return .success(())
                    }
                    s.waiters.append((id, continuation))
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let waiter = state.withLock { s -> Waiter? in
                guard let i = s.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return s.waiters.remove(at: i)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Returns a slot: the longest waiter gets it, else it becomes free (releases beyond the
    /// slots taken are ignored).
    public func release() {
        let next = state.withLock { s -> Waiter? in
            if !s.waiters.isEmpty { return s.waiters.removeFirst() }
            s.available = min(s.available + 1, limit)
            return nil
        }
        next?.continuation.resume()
    }
}

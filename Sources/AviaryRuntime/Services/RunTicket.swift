import Synchronization

/// The pending result of work handed to a ``RunSupervisor``. Waiting can time out or be
/// cancelled without affecting the work, which goes on to completion.
public final class RunTicket<Value: Sendable>: Sendable {
    private typealias Continuation = CheckedContinuation<Result<Value, any Error>?, Never>

    private struct Waiter {
        let continuation: Continuation
        let timer: LoopTimer?
    }

    private enum State {
        case pending([UInt64: Waiter], next: UInt64)
        case done(Result<Value, any Error>)
    }

    private let state = Mutex<State>(.pending([:], next: 0))

    init() {}

    /// True once the work has ended.
    public var isCompleted: Bool { state.withLock { if case .done = $0 { true } else { false } } }

    /// Sets the result once and wakes every waiter.
    func complete(_ result: Result<Value, any Error>) {
        let waiters = state.withLock { state -> [Waiter] in
            guard case .pending(let waiters, _) = state else { return [] }
            state = .done(result)
            return Array(waiters.values)
        }
        for w in waiters {
            w.timer?.cancel()
            w.continuation.resume(returning: result)
        }
    }

    /// The result, or `nil` when `timeout` passes (or the waiting task is cancelled) first.
    public func value(timeout: Duration) async throws -> Value? {
        try await wait(timeout: timeout)?.get()
    }

    /// The result, waiting as long as it takes (until the waiting task is cancelled: then `nil`).
    public func value() async throws -> Value? {
        try await wait(timeout: nil)?.get()
    }

    /// Waits as a registered waiter. The timer (a ``LoopTimer``, started once the waiter is
    /// registered) and cancellation both take the waiter out and resume it with `nil`, whichever
    /// comes first; completion cancels the timer.
    private func wait(timeout: Duration?) async -> Result<Value, any Error>? {
        let id = state.withLock { state -> UInt64? in
            guard case .pending(let waiters, let next) = state else { return nil }
            state = .pending(waiters, next: next + 1)
            return next
        }
        guard let id else { return state.withLock { if case .done(let r) = $0 { r } else { nil } } }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (c: Continuation) in
                let ready = state.withLock { state -> Result<Value, any Error>?? in
                    switch state {
                    case .done(let r): return .some(r)
                    case .pending(var waiters, let next):
                        if Task.isCancelled { return .some(nil) }
                        let timer = timeout.map { LoopTimer(after: $0) { self.abandon(id) } }
                        waiters[id] = Waiter(continuation: c, timer: timer)
                        state = .pending(waiters, next: next)
                        return nil
                    }
                }
                if let ready { c.resume(returning: ready) }
            }
        } onCancel: {
            abandon(id)
        }
    }

    /// Takes a waiter out (if it is still waiting) and resumes it with `nil`.
    private func abandon(_ id: UInt64) {
        let waiter = state.withLock { state -> Waiter? in
            guard case .pending(var waiters, let next) = state, let w = waiters.removeValue(forKey: id) else { return nil }
            state = .pending(waiters, next: next)
            return w
        }
        waiter?.timer?.cancel()
        waiter?.continuation.resume(returning: nil)
    }
}

import Synchronization

/// Resumes a continuation exactly once, whichever side finishes first.
final class ResumeOnce<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var early: Result<T, any Error>?
        var finishers: [@Sendable () -> Void] = []
        var done = false
    }
    private let state = Mutex(State())

    func set(_ c: CheckedContinuation<T, any Error>) {
        let early: Result<T, any Error>? = state.withLock { s in
            if let e = s.early { s.early = nil; return e }
            s.continuation = c
            return nil
        }
        if let early { c.resume(with: early) }
    }

    func onFinish(_ f: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { s -> Bool in
            if s.done { return true }
            s.finishers.append(f)
            return false
        }
        if runNow { f() }
    }

    func resume(with result: Result<T, any Error>) {
        let (c, finishers): (CheckedContinuation<T, any Error>?, [@Sendable () -> Void]) = state.withLock { s in
            if s.done { return (nil, []) }
            s.done = true
            let f = s.finishers
            s.finishers = []
            if let c = s.continuation { s.continuation = nil; return (c, f) }
            s.early = result
            return (nil, f)
        }
        c?.resume(with: result)
        finishers.forEach { $0() }
    }
}

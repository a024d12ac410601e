import Synchronization

/// A latch for tests: tasks ``wait()`` at the gate until it is ``open()``; the test can
/// ``waitForArrivals(_:)`` to know that work reached the gate — no sleeps.
public final class AsyncGate: Sendable {
    private struct State {
        var open = false
        var arrivals = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
        var arrivalWatchers: [(id: Int, count: Int, continuation: CheckedContinuation<Void, Never>)] = []
        var nextWatcher = 0
    }

    private let state = Mutex(State())

    /// Creates a closed gate.
    public init() {}

    /// Number of tasks that reached the gate so far.
    public var arrivals: Int { state.withLock { $0.arrivals } }

    /// Waits until the gate is open (returns at once when it already is).
    public func wait() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let (resumeNow, watchers) = state.withLock { s -> (Bool, [CheckedContinuation<Void, Never>]) in
                s.arrivals += 1
                let ready = s.arrivalWatchers.filter { $0.count <= s.arrivals }.map(\.continuation)
                s.arrivalWatchers.removeAll { $0.count <= s.arrivals }
                if s.open { return (true, ready) }
                s.waiters.append(c)
                return (false, ready)
            }
            for w in watchers { w.resume() }
            if resumeNow { c.resume() }
        }
    }

    /// Opens the gate for everyone waiting and everyone after.
    public func open() {
        let waiters = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            s.open = true
            defer { s.waiters = [] }
            return s.waiters
        }
        for w in waiters { w.resume() }
    }

    /// Returns once at least `count` tasks have reached the gate, or when the waiting task is
    /// cancelled (a test's time limit): check ``arrivals`` after it when that matters.
    public func waitForArrivals(_ count: Int = 1) async {
        let id = state.withLock { s -> Int in
            s.nextWatcher += 1
            return s.nextWatcher
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                let now = state.withLock { s -> Bool in
                    // A task cancelled before this point is flagged already (the handler below
                    // found nothing to resume), so it does not register.
                    if s.arrivals >= count || Task.isCancelled { return true }
                    s.arrivalWatchers.append((id, count, c))
                    return false
                }
                if now { c.resume() }
            }
        } onCancel: {
            let watcher = state.withLock { s -> CheckedContinuation<Void, Never>? in
                guard let i = s.arrivalWatchers.firstIndex(where: { $0.id == id }) else { return nil }
                return s.arrivalWatchers.remove(at: i).continuation
            }
            watcher?.resume()
        }
    }
}

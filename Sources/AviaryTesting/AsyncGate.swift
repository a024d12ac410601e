import Synchronization

/// A latch for tests: tasks ``wait()`` at the gate until it is ``open()``; the test can
/// ``waitForArrivals(_:)`` to know that work reached the gate — no sleeps.
public final class AsyncGate: Sendable {
    private struct State {
        var open = false
        var arrivals = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
        var arrivalWatchers: [(Int, CheckedContinuation<Void, Never>)] = []
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
                let ready = s.arrivalWatchers.filter { $0.0 <= s.arrivals }.map(\.1)
                s.arrivalWatchers.removeAll { $0.0 <= s.arrivals }
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

    /// Returns once at least `count` tasks have reached the gate.
    public func waitForArrivals(_ count: Int = 1) async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let now = state.withLock { s -> Bool in
                if s.arrivals >= count { return true }
                s.arrivalWatchers.append((count, c))
                return false
            }
            if now { c.resume() }
        }
    }
}

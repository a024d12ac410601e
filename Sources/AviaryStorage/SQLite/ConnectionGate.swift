import Synchronization

/// Shares one connection between concurrent callers: statements pass together, a transaction
/// passes alone.
///
/// A statement enters at once unless a transaction holds the connection or waits for it; a
/// transaction waits until the statements in flight finish and holds new ones off until it ends.
/// Waiters are served in arrival order, so neither statements nor transactions starve. The fast
/// path (no transaction around) takes one lock and never suspends. Waiting ignores task
/// cancellation: what it waits for is one statement or one short transaction.
final class ConnectionGate: Sendable {
    private struct Waiter {
        let exclusive: Bool
        let continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var shared = 0
        var exclusive = false
        var queue: [Waiter] = []
        var head = 0

        var isQueueEmpty: Bool { head == queue.count }

        /// Enters at once when nobody waits and the connection is free for this kind of use.
        mutating func tryEnter(exclusive wantsExclusive: Bool) -> Bool {
            guard !exclusive, isQueueEmpty else { return false }
            if wantsExclusive {
                guard shared == 0 else { return false }
                exclusive = true
            } else {
                shared += 1
            }
            return true
        }

        mutating func enqueue(_ waiter: Waiter) {
            if head > 64, head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            queue.append(waiter)
        }

        /// Lets in whoever is next: one transaction, or every statement up to the next transaction.
        mutating func admitNext() -> [CheckedContinuation<Void, Never>] {
            guard !exclusive, !isQueueEmpty else { return [] }
            if queue[head].exclusive {
                guard shared == 0 else { return [] }
                exclusive = true
                head += 1
                return [queue[head - 1].continuation]
            }
            var admitted: [CheckedContinuation<Void, Never>] = []
            while !isQueueEmpty, !queue[head].exclusive {
                admitted.append(queue[head].continuation)
                shared += 1
                head += 1
            }
            return admitted
        }
    }

    private let state = Mutex(State())

    /// Callers waiting to enter (for tests).
    var waiting: Int { state.withLock { $0.queue.count - $0.head } }

    /// Runs one statement alongside other statements.
    func withShared<T>(_ body: () async throws -> T) async rethrows -> T {
        await enter(exclusive: false)
        defer { leave(exclusive: false) }
        return try await body()
    }

    /// Runs `body` with the connection to itself.
    func withExclusive<T>(_ body: () async throws -> T) async rethrows -> T {
        await enter(exclusive: true)
        defer { leave(exclusive: true) }
        return try await body()
    }

    private func enter(exclusive: Bool) async {
        if state.withLock({ $0.tryEnter(exclusive: exclusive) }) { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let entered = state.withLock { s -> Bool in
                if s.tryEnter(exclusive: exclusive) { return true }
                s.enqueue(Waiter(exclusive: exclusive, continuation: continuation))
                return false
            }
            if entered { continuation.resume() }
        }
    }

    private func leave(exclusive: Bool) {
        let admitted = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            if exclusive { s.exclusive = false } else { s.shared -= 1 }
            return s.admitNext()
        }
        for continuation in admitted { continuation.resume() }
    }
}

import Synchronization

/// Wakes the streams that follow a conversation or a human agent's inbox when something was
/// stored for it. A signal carries no data: a woken stream reads what is new from the store, so a
/// signal that arrives while the stream is busy is never a lost event.
public final class ChangeSignals: Sendable {
    private struct State {
        var waiters: [String: [UInt64: AsyncStream<Void>.Continuation]] = [:]
        var next: UInt64 = 0
    }

    private let state = Mutex(State())

    /// Creates an empty set of signals.
    public init() {}

    /// The key of a conversation's stream.
    public static func conversation(_ id: String, tenant: String) -> String { "c\u{1F}\(tenant)\u{1F}\(id)" }
    /// The key of a human agent's inbox stream.
    public static func inbox(_ agent: String, tenant: String) -> String { "a\u{1F}\(tenant)\u{1F}\(agent)" }

    /// Wakes every follower of `key`.
    public func notify(_ key: String) {
        let waiters = state.withLock { Array(($0.waiters[key] ?? [:]).values) }
        for w in waiters { w.yield() }
    }

    /// A stream that yields once per ``notify(_:)`` of `key` (bursts may coalesce); it stops
    /// following when the stream is dropped or finished.
    public func follow(_ key: String) -> (stream: AsyncStream<Void>, continuation: AsyncStream<Void>.Continuation) {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = state.withLock { s -> UInt64 in
            s.next += 1
            s.waiters[key, default: [:]][s.next] = continuation
            return s.next
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { s in
                s.waiters[key]?[id] = nil
                if s.waiters[key]?.isEmpty == true { s.waiters[key] = nil }
            }
        }
        return (stream, continuation)
    }

    /// Keys with followers; for tests.
    public var followedKeys: Int { state.withLock { $0.waiters.count } }
}

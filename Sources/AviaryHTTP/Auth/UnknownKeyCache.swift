import Synchronization

/// Remembers briefly which presented API keys matched no stored key, so a client repeating an
/// unknown key gets 401 without a store lookup each time. Keyed by the key's hash, never the key.
final class UnknownKeyCache: Sendable {
    private let ttl: Duration
    private let capacity: Int
    private let entries = Mutex<[String: ContinuousClock.Instant]>([:])

    /// A cache keeping entries for `ttl`, at most `capacity` of them.
    init(ttl: Duration, capacity: Int = 10_000) {
        self.ttl = ttl
        self.capacity = capacity
    }

    /// True when `hash` was recorded unknown less than the TTL ago.
    func contains(_ hash: String) -> Bool {
        let now = ContinuousClock.now
        return entries.withLock { $0[hash].map { $0 > now } ?? false }
    }

    /// Records `hash` as unknown.
    func insert(_ hash: String) {
        let now = ContinuousClock.now
        entries.withLock { entries in
            if entries.count >= capacity { entries = entries.filter { $0.value > now } }
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[hash] = now + ttl
        }
    }
}

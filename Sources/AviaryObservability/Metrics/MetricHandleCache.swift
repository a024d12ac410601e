import Synchronization

/// Metric handles created once per label set and reused, so recording allocates no label arrays.
///
/// Bounded: once `limit` label sets exist, new keys are mapped through `overflow` (their unbounded
/// label replaced by `other`), so a misbehaving caller cannot grow the registry without limit.
final class MetricHandleCache<Key: Hashable & Sendable, Handle: Sendable>: Sendable {
    private let table: Mutex<[Key: Handle]>
    private let limit: Int
    private let overflow: @Sendable (Key) -> Key
    private let make: @Sendable (Key) -> Handle

    init(limit: Int, overflow: @escaping @Sendable (Key) -> Key, make: @escaping @Sendable (Key) -> Handle) {
        self.table = Mutex([:])
        self.limit = max(1, limit)
        self.overflow = overflow
        self.make = make
    }

    /// The handle for `key`, created on first use.
    func handle(for key: Key) -> Handle {
        table.withLock { table in
            if let handle = table[key] { return handle }
            let key = table.count < limit ? key : overflow(key)
            if let handle = table[key] { return handle }
            let handle = make(key)
            table[key] = handle
            return handle
        }
    }

    /// How many label sets are cached.
    var count: Int { table.withLock { $0.count } }
}

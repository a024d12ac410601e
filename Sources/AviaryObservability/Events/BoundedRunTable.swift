import AviaryCore

/// Per-run state kept between a run's start and end events, bounded: inserting into a full table
/// evicts the oldest entry and returns it, so runs whose end is never seen cannot grow it forever.
struct BoundedRunTable<Value> {
    private var entries: [RunID: (value: Value, order: UInt64)] = [:]
    private var nextOrder: UInt64 = 0
    /// The most entries kept.
    let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// The number of entries.
    var count: Int { entries.count }

    /// The value of a run.
    subscript(id: RunID) -> Value? { entries[id]?.value }

    /// Inserts or replaces a run's value; returns the entries evicted to make room.
    mutating func insert(_ value: Value, for id: RunID) -> [(RunID, Value)] {
        if let existing = entries[id] {
            entries[id] = (value, existing.order)
            return []
        }
        var evicted: [(RunID, Value)] = []
        while entries.count >= capacity, let oldest = entries.min(by: { $0.value.order < $1.value.order }) {
            entries[oldest.key] = nil
            evicted.append((oldest.key, oldest.value.value))
        }
        entries[id] = (value, nextOrder)
        nextOrder &+= 1
        return evicted
    }

    /// Changes a run's value in place; returns `nil` (and changes nothing) when the run is absent.
    mutating func update<T>(_ id: RunID, _ body: (inout Value) -> T) -> T? {
        guard entries[id] != nil else { return nil }
        return body(&entries[id]!.value)
    }

    /// Removes and returns a run's value.
    mutating func remove(_ id: RunID) -> Value? { entries.removeValue(forKey: id)?.value }
}

import AviaryCore
import Synchronization

/// The vector indexes of recently searched namespaces, kept in memory and rebuilt when the
/// namespace's revision in the store moved on (one primary-key lookup per query tells), so every
/// process sees every other's writes. Holds at most ``capacity`` namespaces, the least recently
/// used going first.
public final class VectorIndexCache: Sendable {
    /// A namespace's vectors as one query sees them.
    public struct Entry: Sendable {
        /// The namespace's revision the index was built at.
        public let revision: Int
        /// The index.
        public let index: ExactVectorIndex
        /// The namespace's chunks without a vector of the model when the index was built.
        public let missing: Int
    }

    /// The most namespaces held.
    public let capacity: Int
    private struct State {
        var entries: [String: Entry] = [:]
        var lastUse: [String: UInt64] = [:]
        var clock: UInt64 = 0
    }
    private let state = Mutex(State())

    /// Creates an empty cache.
    public init(capacity: Int = 16) { self.capacity = max(1, capacity) }

    /// The index of the tenant's `namespace` for `model`, loaded from `store` when absent or stale.
    public func entry(store: any KnowledgeStore, tenant: String, namespace: String, model: String) async throws -> Entry {
        let key = "\(tenant)\u{0}\(namespace)\u{0}\(model)"
        let revision = try await store.knowledgeRevision(tenant: tenant, namespace: namespace)
        let cached: Entry? = state.withLock { s in
            guard let e = s.entries[key], e.revision == revision else { return nil }
            s.clock += 1
            s.lastUse[key] = s.clock
            return e
        }
        if let cached { return cached }
        let vectors = try await store.loadEmbeddings(tenant: tenant, namespace: namespace, model: model)
        let missing = try await store.countChunksNeedingEmbeddings(tenant: tenant, namespace: namespace, model: model)
        let dimensions = Self.commonDimensions(vectors)
        let entry = Entry(revision: revision, index: ExactVectorIndex(dimensions: dimensions, vectors: vectors.map { ($0.chunkID, $0.vector) }),
                          missing: missing)
        state.withLock { s in
            s.clock += 1
            s.entries[key] = entry
            s.lastUse[key] = s.clock
            while s.entries.count > capacity, let oldest = s.lastUse.min(by: { $0.value < $1.value })?.key {
                s.entries[oldest] = nil
                s.lastUse[oldest] = nil
            }
        }
        return entry
    }

    /// The dimension most vectors have (vectors of another size, from a misconfigured model, are left out).
    static func commonDimensions(_ vectors: [ChunkEmbedding]) -> Int {
        var counts: [Int: Int] = [:]
        for v in vectors { counts[v.vector.count, default: 0] += 1 }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? 0
    }
}

import AviaryCore
import NIOPosix
import Synchronization

/// In-memory lexical indexes of recently searched large namespaces, used while they are current.
///
/// A query asks for its namespace's index: when one was built at the namespace's present text
/// revision (one primary-key lookup tells, so every process sees every other's writes; storing
/// vectors does not change it) it is returned;
/// otherwise the query gets nil, ranks with the store's full-text search, and an index is built
/// behind it for the queries that follow — one build at a time per cache, its CPU-bound part on
/// NIO's blocking thread pool, not Swift's cooperative threads. Nothing stale is ever searched.
/// Namespaces under ``minimumChunks`` are left to the store, which ranks them fast enough, and so
/// are one over ``maxPostings`` and one whose build failed, until their next write. The indexes
/// held total at most ``maxPostings`` postings (about 8 bytes each), the least recently used
/// going first.
public final class LexicalIndexCache: Sendable {
    /// A namespace's chunks fewer than this are never indexed in memory.
    public let minimumChunks: Int
    /// The most postings all indexes hold together.
    public let maxPostings: Int
    /// How the indexes tokenize.
    public let tokenizer: any LexicalTokenizer

    private struct Slot {
        var revision: Int
        var index: LexicalIndex? // nil: too small, left to the store
        var lastUse: UInt64
    }
    private struct State {
        var slots: [String: Slot] = [:] // index nil: small, too large or failed: left to the store
        var building: Set<String> = []
        var clock: UInt64 = 0
    }
    private let state = Mutex(State())
    /// The most namespaces remembered (small ones included).
    static let maxSlots = 1_024

    /// Creates an empty cache.
    public init(tokenizer: any LexicalTokenizer, minimumChunks: Int = 2_000, maxPostings: Int = 60_000_000) {
        self.tokenizer = tokenizer
        self.minimumChunks = max(1, minimumChunks)
        self.maxPostings = max(1, maxPostings)
    }

    /// The index of the tenant's `namespace` when one is current; otherwise nil, and a build starts
    /// in the background unless one is running or the namespace is known to be small.
    public func index(store: any KnowledgeStore, tenant: String, namespace: String) async throws -> LexicalIndex? {
        let key = Self.key(tenant, namespace)
        let revision = try await store.knowledgeTextRevision(tenant: tenant, namespace: namespace)
        let (current, index, starts) = state.withLock { s -> (Bool, LexicalIndex?, Bool) in
            if var slot = s.slots[key], slot.revision == revision {
                s.clock += 1
                slot.lastUse = s.clock
                s.slots[key] = slot
                return (true, slot.index, false)
            }
            guard s.building.isEmpty else { return (false, nil, false) }
            s.building.insert(key)
            return (false, nil, true)
        }
        if current { return index }
        if starts {
            Task.detached(priority: .utility) { [self] in
                _ = try? await build(store: store, tenant: tenant, namespace: namespace, key: key)
            }
        }
        return nil
    }

    /// Builds the namespace's index now (unless a current one is held) and returns it: nil for a
    /// namespace under ``minimumChunks``. For warming a cache before queries, and for tests.
    @discardableResult
    public func prepare(store: any KnowledgeStore, tenant: String, namespace: String) async throws -> LexicalIndex? {
        let key = Self.key(tenant, namespace)
        let revision = try await store.knowledgeTextRevision(tenant: tenant, namespace: namespace)
        if let slot = state.withLock({ $0.slots[key] }), slot.revision == revision { return slot.index }
        state.withLock { _ = $0.building.insert(key) }
        return try await build(store: store, tenant: tenant, namespace: namespace, key: key)
    }

    /// Whether a current or too-small marker is held for the namespace at `revision` (tests).
    func holds(tenant: String, namespace: String, revision: Int) -> Bool {
        state.withLock { $0.slots[Self.key(tenant, namespace)]?.revision == revision }
    }

    private func build(store: any KnowledgeStore, tenant: String, namespace: String, key: String) async throws -> LexicalIndex? {
        defer { state.withLock { _ = $0.building.remove(key) } }
        // the revision is read first: a write landing during the load leaves the index marked older,
        // and the next query builds again
        let revision = try await store.knowledgeTextRevision(tenant: tenant, namespace: namespace)
        var index: LexicalIndex?
        do {
            let texts = try await store.chunkTexts(tenant: tenant, namespace: namespace)
            if texts.count >= minimumChunks {
                index = try await NIOThreadPool.singleton.runIfActive { [tokenizer] in LexicalIndex(chunks: texts, tokenizer: tokenizer) }
            }
        } catch {
            // left to the store until the namespace changes, rather than read again on every query
            remember(key, revision: revision, index: nil)
            throw error
        }
        if let built = index, built.postingCount > maxPostings { index = nil }
        remember(key, revision: revision, index: index)
        return index
    }

    private func remember(_ key: String, revision: Int, index: LexicalIndex?) {
        state.withLock { s in
            s.clock += 1
            s.slots[key] = Slot(revision: revision, index: index, lastUse: s.clock)
            while s.slots.count > Self.maxSlots, let oldest = s.slots.filter({ $0.key != key }).min(by: { $0.value.lastUse < $1.value.lastUse }) {
                s.slots[oldest.key] = nil
            }
            var total = s.slots.values.reduce(0) { $0 + ($1.index?.postingCount ?? 0) }
            while total > maxPostings, let oldest = s.slots.filter({ $0.value.index != nil && $0.key != key })
                .min(by: { $0.value.lastUse < $1.value.lastUse }) {
                total -= oldest.value.index?.postingCount ?? 0
                s.slots[oldest.key] = nil
            }
        }
    }

    private static func key(_ tenant: String, _ namespace: String) -> String { "\(tenant)\u{0}\(namespace)" }
}

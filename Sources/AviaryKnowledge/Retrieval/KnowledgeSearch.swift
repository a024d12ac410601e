import AviaryCore

/// Retrieval over a knowledge base: the chunks that best answer a query, with what a citation
/// needs. Lexical (BM25 / `ts_rank_cd`) always; with an embedding model also by vector (exact
/// cosine over the namespace's vectors), the two rankings fused by reciprocal rank; metadata
/// filters apply before either ranking; an optional reranker reorders the fused candidates.
public struct KnowledgeSearch: Sendable {
    /// Where the chunks are.
    public let store: any KnowledgeStore
    /// The model that embeds queries (nil: lexical retrieval only).
    public let embedder: (any EmbeddingModel)?
    /// The in-memory vector indexes, shared by every search of a process.
    public let vectors: VectorIndexCache
    /// In-memory lexical indexes of large namespaces, shared by every search of a process (nil:
    /// the store's full-text search ranks every query).
    public let lexical: LexicalIndexCache?
    /// Reorders the fused candidates (nil: none).
    public let reranker: (any Reranker)?
    /// How many fused candidates the reranker sees (at least `topK`, at most 100); `nil`: 3 × `topK`,
    /// at least 20.
    public let rerankCandidates: Int?
    /// The most results one query returns.
    public static let maxResults = 50

    /// Creates a search over a store.
    public init(store: any KnowledgeStore, embedder: (any EmbeddingModel)? = nil, vectors: VectorIndexCache = VectorIndexCache(),
                lexical: LexicalIndexCache? = nil, reranker: (any Reranker)? = nil, rerankCandidates: Int? = nil) {
        self.store = store
        self.embedder = embedder
        self.vectors = vectors
        self.lexical = lexical
        self.reranker = reranker
        self.rerankCandidates = rerankCandidates
    }

    /// The `topK` best chunks of the tenant's `namespace` for `query`, among those whose metadata
    /// passes `filters` (``KnowledgeFilter/parse(_:)``). A filter on a field no document of the
    /// namespace has is refused (a typo would otherwise silently match nothing).
    public func search(_ query: String, namespace: String, tenant: String, topK: Int = 5, filters: JSONValue? = nil) async throws -> [KnowledgeHit] {
        try await retrieve(query, namespace: namespace, tenant: tenant, topK: topK, filters: filters).hits
    }

    /// Like ``search(_:namespace:tenant:topK:filters:)``, with how the results were found.
    public func retrieve(_ query: String, namespace: String, tenant: String, topK: Int = 5, filters: JSONValue? = nil) async throws -> KnowledgeResults {
        let conditions = try await checkedFilters(filters, namespace: namespace, tenant: tenant)
        let k = min(max(topK, 1), Self.maxResults)
        let pool = reranker == nil ? k : min(max(rerankCandidates ?? max(k * 3, 20), k), 100)
        var allowed: Set<String>??
        guard let embedder else {
            let hits = try await lexicalHits(query, namespace: namespace, tenant: tenant, conditions: conditions, allowed: &allowed, limit: pool)
            return try await rerank(query, KnowledgeResults(hits: hits, retrieval: .lexical, note: "no embedding model is configured: lexical retrieval only"), k)
        }
        let candidates = max(pool * 4, 40)
        let lexical = try await lexicalHits(query, namespace: namespace, tenant: tenant, conditions: conditions, allowed: &allowed, limit: candidates)
        let queryVector: [Float]
        do {
            guard let v = try await embedder.embed([query], as: .query).first else { throw KnowledgeSearchError("the embedding model returned no vector") }
            queryVector = v
        } catch {
            return try await rerank(query, KnowledgeResults(hits: Array(lexical.prefix(pool)), retrieval: .lexical,
                                                            note: "embedding the query failed (\(error)): lexical retrieval only"), k)
        }
        let entry = try await vectors.entry(store: store, tenant: tenant, namespace: namespace, model: embedder.name)
        let nearest = entry.index.nearest(to: queryVector, k: candidates,
                                          among: try await allowedChunks(namespace: namespace, tenant: tenant, conditions: conditions, &allowed))
        let fused = ReciprocalRankFusion().fuse([lexical.map(\.chunk.id), nearest.map(\.id)]).prefix(pool)
        var chunks = Dictionary(lexical.map { ($0.chunk.id, $0.chunk) }, uniquingKeysWith: { a, _ in a })
        let absent = fused.map(\.id).filter { chunks[$0] == nil }
        for chunk in try await store.loadChunks(absent, tenant: tenant) { chunks[chunk.id] = chunk }
        var hits: [KnowledgeHit] = []
        for item in fused {
            guard let chunk = chunks[item.id] else { continue } // deleted since the index was built
            hits.append(KnowledgeHit(chunk: chunk, score: item.score, rank: hits.count + 1))
        }
        var note: String?
        if entry.missing > 0 { note = "\(entry.missing) chunks of '\(namespace)' have no vector yet: the vector ranking does not cover them" }
        return try await rerank(query, KnowledgeResults(hits: hits, retrieval: .hybrid, chunksWithoutVectors: entry.missing, note: note), k)
    }

    /// The lexical ranking: from the namespace's in-memory index when a current one is held,
    /// otherwise from the store's full-text search.
    private func lexicalHits(_ query: String, namespace: String, tenant: String, conditions: [KnowledgeFilter],
                             allowed: inout Set<String>??, limit: Int) async throws -> [KnowledgeHit] {
        guard let lexical, let index = try await lexical.index(store: store, tenant: tenant, namespace: namespace) else {
            return try await store.searchLexical(tenant: tenant, namespace: namespace, query: query, filters: conditions, limit: limit)
        }
        let among = try await allowedChunks(namespace: namespace, tenant: tenant, conditions: conditions, &allowed)
        let ranked = index.search(query, limit: limit, among: among)
        let chunks = Dictionary(try await store.loadChunks(ranked.map(\.id), tenant: tenant).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var hits: [KnowledgeHit] = []
        for (id, score) in ranked {
            guard let chunk = chunks[id] else { continue } // deleted since the index was built
            hits.append(KnowledgeHit(chunk: chunk, score: score, rank: hits.count + 1))
        }
        return hits
    }

    /// The chunks the filters let through (nil: no filters), read once per query.
    private func allowedChunks(namespace: String, tenant: String, conditions: [KnowledgeFilter],
                               _ cached: inout Set<String>??) async throws -> Set<String>? {
        if let cached { return cached }
        let ids = conditions.isEmpty ? nil : try await store.chunkIDs(tenant: tenant, namespace: namespace, filters: conditions)
        cached = .some(ids)
        return ids
    }

    private func checkedFilters(_ filters: JSONValue?, namespace: String, tenant: String) async throws -> [KnowledgeFilter] {
        guard let filters, filters.objectValue?.isEmpty == false else { return [] }
        let conditions = try KnowledgeFilter.parse(filters)
        let known = try await store.metadataFields(tenant: tenant, namespace: namespace)
        if !known.isEmpty, let unknown = conditions.first(where: { !known.contains($0.field) }) {
            throw KnowledgeFilterError("filters.\(unknown.field): no document of '\(namespace)' has this metadata field (fields: \(known.sorted().joined(separator: ", ")))")
        }
        return conditions
    }

    /// Reorders `results` with the reranker (when there is one) and keeps the best `k`. A reranker
    /// that fails leaves the fused order, saying so.
    private func rerank(_ query: String, _ results: KnowledgeResults, _ k: Int) async throws -> KnowledgeResults {
        var results = results
        guard let reranker, results.hits.count > 1 else {
            results.hits = Array(results.hits.prefix(k))
            return results
        }
        do {
            let scores = try await reranker.scores(query: query, passages: results.hits.map(\.chunk.text))
            guard scores.count == results.hits.count else { throw KnowledgeSearchError("the reranker returned \(scores.count) scores for \(results.hits.count) passages") }
            let order = results.hits.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }.prefix(k)
            results.hits = order.enumerated().map { rank, i in KnowledgeHit(chunk: results.hits[i].chunk, score: scores[i], rank: rank + 1) }
            results.reranker = reranker.name
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            results.hits = Array(results.hits.prefix(k))
            results.note = [results.note, "reranking failed (\(error)): results in fused order"].compactMap { $0 }.joined(separator: "; ")
        }
        return results
    }
}

/// A retrieval that could not be done, with why.
public struct KnowledgeSearchError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

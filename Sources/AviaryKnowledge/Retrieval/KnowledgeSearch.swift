import AviaryCore

/// Retrieval over a knowledge base: the chunks that best answer a query, with what a citation
/// needs. Lexical for now (BM25 / `ts_rank_cd`); hybrid retrieval with embeddings, metadata
/// filters and reranking extend this seam.
public struct KnowledgeSearch: Sendable {
    /// Where the chunks are.
    public let store: any KnowledgeStore
    /// The most results one query returns.
    public static let maxResults = 50

    /// Creates a search over a store.
    public init(store: any KnowledgeStore) { self.store = store }

    /// The `topK` best chunks of the tenant's `namespace` for `query`.
    public func search(_ query: String, namespace: String, tenant: String, topK: Int = 5) async throws -> [KnowledgeHit] {
        try await store.searchLexical(tenant: tenant, namespace: namespace, query: query, limit: min(max(topK, 1), Self.maxResults))
    }

    /// The results as the query API and the `rag_search` tool return them.
    public static func json(_ hits: [KnowledgeHit], query: String, namespace: String) -> JSONValue {
        .object(["query": .string(query), "namespace": .string(namespace), "retrieval": "lexical",
                 "results": .array(hits.map { hit in
                     .object(["text": .string(hit.chunk.text), "score": .number(hit.score), "rank": .number(Double(hit.rank)),
                              "source": .string(hit.chunk.source), "heading_path": .array(hit.chunk.headingPath.map(JSONValue.string)),
                              "position": .number(Double(hit.chunk.position)), "document_id": .string(hit.chunk.documentID),
                              "metadata": hit.chunk.metadata])
                 })])
    }
}

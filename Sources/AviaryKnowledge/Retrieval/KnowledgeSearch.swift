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

    /// The `topK` best chunks of the tenant's `namespace` for `query`, among those whose metadata
    /// passes `filters` (``KnowledgeFilter/parse(_:)``). A filter on a field no document of the
    /// namespace has is refused (a typo would otherwise silently match nothing).
    public func search(_ query: String, namespace: String, tenant: String, topK: Int = 5, filters: JSONValue? = nil) async throws -> [KnowledgeHit] {
        var conditions: [KnowledgeFilter] = []
        if let filters, filters.objectValue?.isEmpty == false {
            conditions = try KnowledgeFilter.parse(filters)
            let known = try await store.metadataFields(tenant: tenant, namespace: namespace)
            if !known.isEmpty, let unknown = conditions.first(where: { !known.contains($0.field) }) {
                throw KnowledgeFilterError("filters.\(unknown.field): no document of '\(namespace)' has this metadata field (fields: \(known.sorted().joined(separator: ", ")))")
            }
        }
        return try await store.searchLexical(tenant: tenant, namespace: namespace, query: query, filters: conditions,
                                             limit: min(max(topK, 1), Self.maxResults))
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

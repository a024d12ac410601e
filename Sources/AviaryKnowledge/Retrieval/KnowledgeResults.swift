import AviaryCore

/// What one retrieval found, with how it was found.
public struct KnowledgeResults: Sendable {
    /// How the results were ranked.
    public enum Retrieval: String, Sendable, Hashable {
        /// Full-text search only.
        case lexical
        /// Full-text and vector rankings fused by reciprocal rank.
        case hybrid
    }

    /// The chunks, best first.
    public var hits: [KnowledgeHit]
    /// How they were ranked.
    public var retrieval: Retrieval
    /// The namespace's chunks with no vector yet (not reached by the vector ranking), when vectors were searched.
    public var chunksWithoutVectors: Int?
    /// The reranker that ordered the results, if any.
    public var reranker: String?
    /// Why retrieval is lexical, or what else the caller should know; nil when nothing.
    public var note: String?

    /// Creates results.
    public init(hits: [KnowledgeHit], retrieval: Retrieval, chunksWithoutVectors: Int? = nil, reranker: String? = nil, note: String? = nil) {
        self.hits = hits
        self.retrieval = retrieval
        self.chunksWithoutVectors = chunksWithoutVectors
        self.reranker = reranker
        self.note = note
    }

    /// The results as the query API, `aviary kb query --json` and the `rag_search` tool return them.
    public func json(query: String, namespace: String) -> JSONValue {
        var o: [String: JSONValue] = [
            "query": .string(query), "namespace": .string(namespace), "retrieval": .string(retrieval.rawValue),
            "results": .array(hits.map { hit in
                .object(["text": .string(hit.chunk.text), "score": .number(hit.score), "rank": .number(Double(hit.rank)),
                         "source": .string(hit.chunk.source), "heading_path": .array(hit.chunk.headingPath.map(JSONValue.string)),
                         "position": .number(Double(hit.chunk.position)), "document_id": .string(hit.chunk.documentID),
                         "metadata": hit.chunk.metadata])
            }),
        ]
        if let chunksWithoutVectors { o["chunks_without_vectors"] = .number(Double(chunksWithoutVectors)) }
        if let reranker { o["reranker"] = .string(reranker) }
        if let note { o["note"] = .string(note) }
        return .object(o)
    }
}

/// A chunk as stored: its text, where it is in its document (for citation) and its document's metadata.
public struct KnowledgeChunkRecord: Sendable, Hashable {
    /// Its id.
    public var id: String
    /// Its document.
    public var documentID: String
    /// Its knowledge base.
    public var namespace: String
    /// Its document's source.
    public var source: String
    /// Its position in the document, from 0.
    public var position: Int
    /// The text.
    public var text: String
    /// The headings above it, outermost first.
    public var headingPath: [String]
    /// The SHA-256 of the text.
    public var contentHash: String
    /// Its document's metadata.
    public var metadata: JSONValue

    /// Creates a chunk record.
    public init(id: String, documentID: String, namespace: String, source: String, position: Int, text: String,
                headingPath: [String] = [], contentHash: String, metadata: JSONValue = .object([:])) {
        self.id = id
        self.documentID = documentID
        self.namespace = namespace
        self.source = source
        self.position = position
        self.text = text
        self.headingPath = headingPath
        self.contentHash = contentHash
        self.metadata = metadata
    }
}

/// A chunk found by a search, with its score (higher is better) and rank (from 1).
public struct KnowledgeHit: Sendable, Hashable {
    /// The chunk.
    public var chunk: KnowledgeChunkRecord
    /// The score: for lexical search the engine's relevance (BM25 on SQLite, `ts_rank_cd` on PostgreSQL).
    public var score: Double
    /// Its place in the ranking, from 1.
    public var rank: Int

    /// Creates a hit.
    public init(chunk: KnowledgeChunkRecord, score: Double, rank: Int) {
        self.chunk = chunk
        self.score = score
        self.rank = rank
    }
}

/// A knowledge base of a tenant, with its size.
public struct KnowledgeNamespace: Sendable, Hashable {
    /// Its name.
    public var name: String
    /// Its documents.
    public var documents: Int
    /// Its chunks.
    public var chunks: Int

    /// Creates a summary.
    public init(name: String, documents: Int, chunks: Int) {
        self.name = name
        self.documents = documents
        self.chunks = chunks
    }
}

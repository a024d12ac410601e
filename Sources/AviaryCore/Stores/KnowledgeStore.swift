/// Persistence of knowledge bases: documents, their chunks, and lexical search over them. Every
/// read and write is scoped to a tenant.
public protocol KnowledgeStore: Sendable {
    /// Stores a document with its chunks, replacing what the tenant's namespace held for the same
    /// source, all or nothing. A document whose content hash is unchanged is left as it is.
    func replaceDocument(_ document: KnowledgeDocumentRecord, chunks: [KnowledgeChunkRecord]) async throws -> DocumentReplacement
    /// The document of a source in a namespace.
    func loadDocument(tenant: String, namespace: String, source: String) async throws -> KnowledgeDocumentRecord?
    /// A tenant's document by id.
    func loadDocument(_ id: String, tenant: String) async throws -> KnowledgeDocumentRecord?
    /// A namespace's documents, by source.
    func documents(tenant: String, namespace: String, limit: Int) async throws -> [KnowledgeDocumentRecord]
    /// The tenant's namespaces with their sizes, by name.
    func namespaces(tenant: String) async throws -> [KnowledgeNamespace]
    /// Deletes a document and its chunks; false when absent.
    func deleteDocument(_ id: String, tenant: String) async throws -> Bool
    /// Deletes a namespace's documents and chunks; returns how many documents went.
    func deleteNamespace(_ namespace: String, tenant: String) async throws -> Int
    /// The chunks of a namespace that best match `query`'s words, best first, among those whose
    /// metadata passes every filter. Words are matched stemmed and accent-insensitively; any word
    /// may match (more matching words rank higher).
    func searchLexical(tenant: String, namespace: String, query: String, filters: [KnowledgeFilter], limit: Int) async throws -> [KnowledgeHit]
    /// The metadata fields the namespace's documents have (filters on other fields are refused).
    func metadataFields(tenant: String, namespace: String) async throws -> Set<String>

    /// Up to `limit` chunks of a namespace without a vector of `model`, in storage order (what an
    /// ingestion job embeds next).
    func chunksNeedingEmbeddings(tenant: String, namespace: String, model: String, limit: Int) async throws -> [KnowledgeChunkRecord]
    /// How many chunks of a namespace have no vector of `model`.
    func countChunksNeedingEmbeddings(tenant: String, namespace: String, model: String) async throws -> Int
    /// Stores each chunk's vector of `model`; a chunk deleted meanwhile is skipped. Returns how many were stored.
    func storeEmbeddings(_ vectors: [ChunkEmbedding], model: String, tenant: String, namespace: String) async throws -> Int
    /// Every vector of `model` in a namespace.
    func loadEmbeddings(tenant: String, namespace: String, model: String) async throws -> [ChunkEmbedding]
    /// The namespace's revision: it changes with every change to its chunks or vectors (0 for a namespace never written).
    func knowledgeRevision(tenant: String, namespace: String) async throws -> Int
    /// The namespace's text revision: it changes with every change to its chunks, not to their
    /// vectors (0 for a namespace never written).
    func knowledgeTextRevision(tenant: String, namespace: String) async throws -> Int
    /// The ids of a namespace's chunks whose metadata passes every filter.
    func chunkIDs(tenant: String, namespace: String, filters: [KnowledgeFilter]) async throws -> Set<String>
    /// The tenant's chunks with these ids (absent ones left out), in no particular order.
    func loadChunks(_ ids: [String], tenant: String) async throws -> [KnowledgeChunkRecord]
    /// The searchable text of every chunk of a namespace (for an in-memory lexical index).
    func chunkTexts(tenant: String, namespace: String) async throws -> [KnowledgeChunkText]
}

/// A chunk's vector.
public struct ChunkEmbedding: Sendable, Hashable {
    /// The chunk's id.
    public var chunkID: String
    /// The vector.
    public var vector: [Float]

    /// Creates a chunk's vector.
    public init(chunkID: String, vector: [Float]) {
        self.chunkID = chunkID
        self.vector = vector
    }
}

extension KnowledgeStore {
    /// The best chunks for `query`, unfiltered.
    public func searchLexical(tenant: String, namespace: String, query: String, limit: Int) async throws -> [KnowledgeHit] {
        try await searchLexical(tenant: tenant, namespace: namespace, query: query, filters: [], limit: limit)
    }
}

/// What storing a document did.
public enum DocumentReplacement: Sendable, Hashable {
    /// A new document, with this many chunks.
    case created(chunks: Int)
    /// The document's content changed; its chunks were replaced by this many.
    case replaced(chunks: Int)
    /// The same content was stored already: nothing changed.
    case unchanged
}

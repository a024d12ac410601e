import AviaryCore

/// The knowledge store of a tool registry built before the database is open (a project loaded
/// for validation): every call fails saying so. The application registers the tools again over
/// its real store before anything runs.
public struct DetachedKnowledgeStore: KnowledgeStore {
    /// Creates the placeholder.
    public init() {}

    struct Detached: Error, CustomStringConvertible {
        var description: String { "the knowledge base is not open here (no database)" }
    }

    public func replaceDocument(_ document: KnowledgeDocumentRecord, chunks: [KnowledgeChunkRecord]) async throws -> DocumentReplacement { throw Detached() }
    public func loadDocument(tenant: String, namespace: String, source: String) async throws -> KnowledgeDocumentRecord? { throw Detached() }
    public func loadDocument(_ id: String, tenant: String) async throws -> KnowledgeDocumentRecord? { throw Detached() }
    public func documents(tenant: String, namespace: String, limit: Int) async throws -> [KnowledgeDocumentRecord] { throw Detached() }
    public func namespaces(tenant: String) async throws -> [KnowledgeNamespace] { throw Detached() }
    public func deleteDocument(_ id: String, tenant: String) async throws -> Bool { throw Detached() }
    public func deleteNamespace(_ namespace: String, tenant: String) async throws -> Int { throw Detached() }
    public func searchLexical(tenant: String, namespace: String, query: String, filters: [KnowledgeFilter], limit: Int) async throws -> [KnowledgeHit] {
        throw Detached()
    }
    public func metadataFields(tenant: String, namespace: String) async throws -> Set<String> { throw Detached() }
    public func chunksNeedingEmbeddings(tenant: String, namespace: String, model: String, limit: Int) async throws -> [KnowledgeChunkRecord] {
        throw Detached()
    }
    public func countChunksNeedingEmbeddings(tenant: String, namespace: String, model: String) async throws -> Int { throw Detached() }
    public func storeEmbeddings(_ vectors: [ChunkEmbedding], model: String, tenant: String, namespace: String) async throws -> Int { throw Detached() }
    public func loadEmbeddings(tenant: String, namespace: String, model: String) async throws -> [ChunkEmbedding] { throw Detached() }
    public func knowledgeRevision(tenant: String, namespace: String) async throws -> Int { throw Detached() }
    public func chunkIDs(tenant: String, namespace: String, filters: [KnowledgeFilter]) async throws -> Set<String> { throw Detached() }
    public func loadChunks(_ ids: [String], tenant: String) async throws -> [KnowledgeChunkRecord] { throw Detached() }
    public func knowledgeTextRevision(tenant: String, namespace: String) async throws -> Int { throw Detached() }
    public func chunkTexts(tenant: String, namespace: String) async throws -> [KnowledgeChunkText] { throw Detached() }
}

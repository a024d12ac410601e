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

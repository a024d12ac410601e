import Foundation

/// A document of a knowledge base as stored: one per source (URL or path) and namespace.
public struct KnowledgeDocumentRecord: Sendable, Hashable {
    /// Its id.
    public var id: String
    /// The tenant it belongs to.
    public var tenant: String
    /// The knowledge base (namespace) it is in.
    public var namespace: String
    /// Where it came from: a URL, a file path, or the name given to an inline document.
    public var source: String
    /// Its title, when it has one.
    public var title: String?
    /// The SHA-256 of its converted text: an ingestion of the same content is skipped.
    public var contentHash: String
    /// The metadata given with it (filters apply to it; every chunk carries it).
    public var metadata: JSONValue
    /// How many chunks it has.
    public var chunkCount: Int
    /// When it was first stored.
    public var createdAt: Date
    /// When its content last changed.
    public var updatedAt: Date

    /// Creates a record.
    public init(id: String, tenant: String, namespace: String, source: String, title: String? = nil, contentHash: String,
                metadata: JSONValue = .object([:]), chunkCount: Int = 0, createdAt: Date, updatedAt: Date? = nil) {
        self.id = id
        self.tenant = tenant
        self.namespace = namespace
        self.source = source
        self.title = title
        self.contentHash = contentHash
        self.metadata = metadata
        self.chunkCount = chunkCount
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

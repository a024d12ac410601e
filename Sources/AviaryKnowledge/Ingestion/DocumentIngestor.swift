import AviaryCore
import Foundation

/// Ingests one item into a namespace: reads (or fetches) it, converts it to Markdown, chunks it and replaces
/// the document's chunks in the store (all or nothing; unchanged content is skipped by its hash).
/// A failure is the item's result, never an error of the whole ingestion.
public struct DocumentIngestor: Sendable {
    /// Where documents go.
    public let store: any KnowledgeStore
    /// How documents are chunked.
    public let chunker: MarkdownChunker
    /// Fetches URL items; `nil` refuses them (each such item fails).
    public let fetcher: (any DocumentFetcher)?
    /// The largest file read, in bytes.
    public var maxFileBytes = 32 << 20
    /// The clock stamping documents.
    public var now: @Sendable () -> Date = { Date() }

    /// Creates an ingestor; URL items need a `fetcher` (``URLFetcher``).
    public init(store: any KnowledgeStore, chunker: MarkdownChunker = MarkdownChunker(), fetcher: (any DocumentFetcher)? = nil) {
        self.store = store
        self.chunker = chunker
        self.fetcher = fetcher
    }

    /// Ingests `item` into the tenant's `namespace`.
    public func ingest(_ item: IngestItem, namespace: String, tenant: String) async -> IngestItemResult {
        do {
            let converted = try await read(item)
            let hash = ContentHash.sha256Hex(converted.markdown + "\u{0}" + item.metadata.jsonString)
            let chunks = chunker.chunks(of: converted.markdown)
            guard !chunks.isEmpty else { return IngestItemResult(source: item.source, status: .failed, error: "the document has no text") }
            let id = "doc_" + String(ContentHash.sha256Hex("\(tenant)\u{0}\(namespace)\u{0}\(item.source)").prefix(24))
            let stamp = now()
            let document = KnowledgeDocumentRecord(id: id, tenant: tenant, namespace: namespace, source: item.source, title: converted.title,
                                                   contentHash: hash, metadata: item.metadata, chunkCount: chunks.count, createdAt: stamp)
            let records = chunks.map { c in
                KnowledgeChunkRecord(id: "\(id)_\(hash.prefix(12))_\(c.position)", documentID: id, namespace: namespace, source: item.source,
                                     position: c.position, text: c.text, headingPath: c.headingPath, contentHash: c.contentHash,
                                     metadata: item.metadata)
            }
            switch try await store.replaceDocument(document, chunks: records) {
            case .created(let n): return IngestItemResult(source: item.source, status: .created, chunks: n)
            case .replaced(let n): return IngestItemResult(source: item.source, status: .replaced, chunks: n)
            case .unchanged: return IngestItemResult(source: item.source, status: .skipped)
            }
        } catch {
            return IngestItemResult(source: item.source, status: .failed, error: "\(error)")
        }
    }

    private func read(_ item: IngestItem) async throws -> ConvertedDocument {
        switch item.origin {
        case .inline(let content, let type):
            return try DocumentConverter.convert(Data(content.utf8), contentType: type ?? "text/markdown", fileExtension: nil, baseURL: nil)
        case .file(let path):
            let url = URL(fileURLWithPath: path)
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if (attributes[.type] as? FileAttributeType) == .typeDirectory { throw IngestError("\(path) is a directory; name its files") }
            if let size = attributes[.size] as? Int, size > maxFileBytes {
                throw IngestError("\(path) is \(size) bytes, over the limit of \(maxFileBytes)")
            }
            return try DocumentConverter.convert(try Data(contentsOf: url), contentType: nil, fileExtension: url.pathExtension, baseURL: nil)
        case .url(let url):
            guard let fetcher else { throw IngestError("\(url.absoluteString): fetching URLs is not enabled for this ingestor") }
            let page = try await fetcher.fetch(url)
            return try DocumentConverter.convert(page.data, contentType: page.contentType, fileExtension: page.fileExtension, baseURL: page.url)
        }
    }
}

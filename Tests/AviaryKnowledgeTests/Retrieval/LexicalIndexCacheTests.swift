import AviaryCore
@testable import AviaryKnowledge
import AviaryStorage
import AviaryTestSupport
import Foundation
import Testing

/// The in-memory lexical index in a search over a real SQLite store: used only while current,
/// built behind a query that the store answers meanwhile, never for small namespaces, and giving
/// the full-text search's results for distinctive questions.
@Suite struct LexicalIndexCacheTests {
    static let topics = ["chargeback", "settlement", "anticipation", "boleto", "pix", "installments", "terminal", "refund"]

    /// A namespace of `count` chunks, each about one topic, through the real ingestor.
    static func withStore(chunks count: Int, _ body: (SQLStore) async throws -> Void) async throws {
        try await withTemporaryDirectory { dir in
            let storage = try await SQLiteStorage.open(path: dir.appendingPathComponent("k.sqlite").path)
            defer { Task { try? await storage.close() } }
            let ingestor = DocumentIngestor(store: storage.store)
            for i in 0..<count {
                let topic = topics[i % topics.count]
                let text = "# \(topic.capitalized) \(i)\n\nNote \(i) explains the \(topic) rules of product \(i % 3) for merchants."
                _ = await ingestor.ingest(IngestItem(origin: .inline(content: text, contentType: nil), source: "note-\(i).md",
                                                     metadata: ["product": .number(Double(i % 3))]), namespace: "help", tenant: "acme")
            }
            try await body(storage.store)
        }
    }

    @Test func aCurrentIndexAnswersLikeTheFullTextSearchAndAWriteRetiresIt() async throws {
        try await Self.withStore(chunks: 24) { store in
            let cache = LexicalIndexCache(tokenizer: try FTS5Tokenizer(), minimumChunks: 10)
            let indexed = KnowledgeSearch(store: store, lexical: cache)
            let fullText = KnowledgeSearch(store: store)
            #expect(try await cache.prepare(store: store, tenant: "acme", namespace: "help")?.count == 24)
            for question in ["boleto rules", "what about chargebacks", "installments for merchants of product 2"] {
                let fromIndex = try await indexed.search(question, namespace: "help", tenant: "acme", topK: 3)
                let fromStore = try await fullText.search(question, namespace: "help", tenant: "acme", topK: 3)
                #expect(fromIndex.first?.chunk.id == fromStore.first?.chunk.id, "\(question)")
                #expect(fromIndex.first?.chunk.source.hasPrefix("note-") == true)
            }
            let filtered = try await indexed.search("rules", namespace: "help", tenant: "acme", topK: 50, filters: ["product": 1])
            #expect(filtered.count == 8 && filtered.allSatisfy { $0.chunk.metadata["product"]?.intValue == 1 })

            // a new document changes the revision: the stale index is not searched, the store answers
            let revision = try await store.knowledgeTextRevision(tenant: "acme", namespace: "help")
            _ = await DocumentIngestor(store: store).ingest(
                IngestItem(origin: .inline(content: "The zeppelin tariff is new.", contentType: nil), source: "new.md", metadata: ["product": 0]),
                namespace: "help", tenant: "acme")
            #expect(try await cache.index(store: store, tenant: "acme", namespace: "help") == nil)
            #expect(try await indexed.search("zeppelin", namespace: "help", tenant: "acme").first?.chunk.source == "new.md")
            #expect(try await cache.prepare(store: store, tenant: "acme", namespace: "help")?.count == 25)
            #expect(cache.holds(tenant: "acme", namespace: "help", revision: try await store.knowledgeTextRevision(tenant: "acme", namespace: "help")))
            #expect(!cache.holds(tenant: "acme", namespace: "help", revision: revision))
            #expect(try await indexed.search("zeppelin", namespace: "help", tenant: "acme").first?.chunk.source == "new.md")
        }
    }

    @Test func storingVectorsKeepsTheIndexCurrent() async throws {
        try await Self.withStore(chunks: 12) { store in
            let cache = LexicalIndexCache(tokenizer: try FTS5Tokenizer(), minimumChunks: 10)
            try await cache.prepare(store: store, tenant: "acme", namespace: "help")
            let before = try await store.knowledgeRevision(tenant: "acme", namespace: "help")
            let pending = try await store.chunksNeedingEmbeddings(tenant: "acme", namespace: "help", model: "m", limit: 4)
            #expect(try await store.storeEmbeddings(pending.map { ChunkEmbedding(chunkID: $0.id, vector: [1, 0]) }, model: "m",
                                                    tenant: "acme", namespace: "help") == 4)
            #expect(try await store.knowledgeRevision(tenant: "acme", namespace: "help") > before, "the vector index sees the change")
            #expect(try await cache.index(store: store, tenant: "acme", namespace: "help")?.count == 12, "the lexical index is still current")
        }
    }

    @Test func aSmallNamespaceIsLeftToTheStore() async throws {
        try await Self.withStore(chunks: 5) { store in
            let cache = LexicalIndexCache(tokenizer: try FTS5Tokenizer(), minimumChunks: 10)
            #expect(try await cache.prepare(store: store, tenant: "acme", namespace: "help") == nil)
            let revision = try await store.knowledgeTextRevision(tenant: "acme", namespace: "help")
            #expect(cache.holds(tenant: "acme", namespace: "help", revision: revision), "remembered as small: no build per query")
            let hits = try await KnowledgeSearch(store: store, lexical: cache).search("boleto", namespace: "help", tenant: "acme")
            #expect(hits.map(\.chunk.source) == ["note-3.md"])
        }
    }

    @Test func aDeletedChunkIsNeverReturnedFromAnIndex() async throws {
        try await Self.withStore(chunks: 16) { store in
            let cache = LexicalIndexCache(tokenizer: try FTS5Tokenizer(), minimumChunks: 10)
            let index = try #require(try await cache.prepare(store: store, tenant: "acme", namespace: "help"))
            let document = try #require(try await store.loadDocument(tenant: "acme", namespace: "help", source: "note-3.md"))
            #expect(try await store.deleteDocument(document.id, tenant: "acme"))
            #expect(index.search("boleto", limit: 5).count == 2, "the old index still holds it")
            let hits = try await KnowledgeSearch(store: store, lexical: cache).search("boleto", namespace: "help", tenant: "acme")
            #expect(hits.map(\.chunk.source) == ["note-11.md"])
        }
    }
}

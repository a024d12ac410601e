import AviaryCore
import AviaryStorage
import Foundation
import Testing

/// Knowledge bases on both engines: documents replaced all or nothing, unchanged content skipped,
/// lexical search ranked, stemmed, isolated by tenant and namespace, and safe from query syntax.
@Suite("SQLStore knowledge")
struct SQLStoreKnowledgeTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func document(_ source: String, tenant: String = "acme", namespace: String = "docs", hash: String,
                         chunks texts: [String]) -> (KnowledgeDocumentRecord, [KnowledgeChunkRecord]) {
        let id = "doc_\(tenant)_\(namespace)_\(source)"
        let doc = KnowledgeDocumentRecord(id: id, tenant: tenant, namespace: namespace, source: source, title: source, contentHash: hash,
                                          metadata: ["lang": "en"], chunkCount: texts.count, createdAt: now)
        let chunks = texts.enumerated().map { i, text in
            KnowledgeChunkRecord(id: "\(id)_\(hash)_\(i)", documentID: id, namespace: namespace, source: source, position: i, text: text,
                                 headingPath: ["Guide", "Part \(i)"], contentHash: "h\(i)", metadata: ["lang": "en"])
        }
        return (doc, chunks)
    }

    @Test(arguments: Backend.all)
    func aDocumentIsCreatedSkippedWhenUnchangedAndReplacedWhole(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let (doc, chunks) = Self.document("fees.md", hash: "v1", chunks: ["Card fees are 1.5% per payment.", "Refunds take five days."])
            #expect(try await store.replaceDocument(doc, chunks: chunks) == .created(chunks: 2))
            #expect(try await store.replaceDocument(doc, chunks: chunks) == .unchanged)
            let (changed, newChunks) = Self.document("fees.md", hash: "v2", chunks: ["Card fees are now 1.2% per payment."])
            #expect(try await store.replaceDocument(changed, chunks: newChunks) == .replaced(chunks: 1))
            #expect(try await store.searchLexical(tenant: "acme", namespace: "docs", query: "refunds", limit: 5).isEmpty)
            let hits = try await store.searchLexical(tenant: "acme", namespace: "docs", query: "card fees", limit: 5)
            #expect(hits.map(\.chunk.text) == ["Card fees are now 1.2% per payment."])
            #expect(hits.first?.chunk.headingPath == ["Guide", "Part 0"] && hits.first?.chunk.source == "fees.md" && hits.first?.rank == 1)
            let stored = try #require(try await store.loadDocument(tenant: "acme", namespace: "docs", source: "fees.md"))
            #expect(stored.contentHash == "v2" && stored.chunkCount == 1 && stored.id == doc.id)
        }
    }

    @Test(arguments: Backend.all)
    func searchRanksMoreMatchingWordsFirstAndStems(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let (doc, chunks) = Self.document("guide.md", hash: "v1", chunks: [
                "How to request a refund for a card payment.",
                "Payment links let you charge customers online.",
                "Our office is closed on public holidays.",
            ])
            _ = try await store.replaceDocument(doc, chunks: chunks)
            let hits = try await store.searchLexical(tenant: "acme", namespace: "docs", query: "refunding card payments?", limit: 5)
            #expect(hits.map(\.chunk.position) == [0, 1])
            #expect(hits[0].score > hits[1].score)
            // search syntax in a query is just words
            for hostile in ["\"unbalanced", "refund AND OR NOT", "pay* (card) NEAR(x y)", "'; DROP TABLE kb_chunks; --", "!!!", ""] {
                _ = try await store.searchLexical(tenant: "acme", namespace: "docs", query: hostile, limit: 5)
            }
            #expect(try await store.searchLexical(tenant: "acme", namespace: "docs", query: "holidays", limit: 5).count == 1)
        }
    }

    @Test(arguments: Backend.all)
    func tenantsAndNamespacesAreSeparate(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let (a, ac) = Self.document("a.md", hash: "1", chunks: ["Pix transfers are instant."])
            let (b, bc) = Self.document("b.md", namespace: "other", hash: "1", chunks: ["Pix transfers in the other base."])
            let (c, cc) = Self.document("a.md", tenant: "globex", hash: "1", chunks: ["Pix transfers of another tenant."])
            for (d, chunks) in [(a, ac), (b, bc), (c, cc)] { _ = try await store.replaceDocument(d, chunks: chunks) }
            #expect(try await store.searchLexical(tenant: "acme", namespace: "docs", query: "pix", limit: 5).map(\.chunk.text) == ["Pix transfers are instant."])
            #expect(try await store.namespaces(tenant: "acme") == [KnowledgeNamespace(name: "docs", documents: 1, chunks: 1),
                                                                KnowledgeNamespace(name: "other", documents: 1, chunks: 1)])
            #expect(try await store.documents(tenant: "acme", namespace: "docs", limit: 10).map(\.source) == ["a.md"])
            #expect(try await store.deleteDocument(c.id, tenant: "acme") == false) // another tenant's
            #expect(try await store.deleteNamespace("other", tenant: "acme") == 1)
            #expect(try await store.searchLexical(tenant: "acme", namespace: "other", query: "pix", limit: 5).isEmpty)
            #expect(try await store.deleteDocument(a.id, tenant: "acme"))
            #expect(try await store.searchLexical(tenant: "acme", namespace: "docs", query: "pix", limit: 5).isEmpty)
            #expect(try await store.searchLexical(tenant: "globex", namespace: "docs", query: "pix", limit: 5).count == 1)
        }
    }
}

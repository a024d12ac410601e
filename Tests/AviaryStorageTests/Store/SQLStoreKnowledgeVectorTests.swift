import AviaryCore
import AviaryStorage
import Foundation
import Testing

/// Vectors beside chunks on both engines: stored and read back exactly, per model, counted while
/// missing, gone with their chunks, filtered by metadata, and every change raising the
/// namespace's revision.
@Suite("SQLStore knowledge vectors")
struct SQLStoreKnowledgeVectorTests {
    typealias Docs = SQLStoreKnowledgeTests

    @Test(arguments: Backend.all)
    func vectorsAreStoredPerModelAndReadBackExactly(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let (doc, chunks) = Docs.document("fees.md", hash: "v1", chunks: ["Card fees are 1.5%.", "Refunds take five days.", "Pix is free."])
            _ = try await store.replaceDocument(doc, chunks: chunks)
            #expect(try await store.countChunksNeedingEmbeddings(tenant: "acme", namespace: "docs", model: "m1") == 3)
            let pending = try await store.chunksNeedingEmbeddings(tenant: "acme", namespace: "docs", model: "m1", limit: 2)
            #expect(pending.map(\.position) == [0, 1])
            let vectors = [ChunkEmbedding(chunkID: chunks[0].id, vector: [0.25, -1.5, .pi, 1e-7]),
                           ChunkEmbedding(chunkID: chunks[1].id, vector: [1, 2, 3, 4]),
                           ChunkEmbedding(chunkID: "gone", vector: [1, 1, 1, 1])]
            #expect(try await store.storeEmbeddings(vectors, model: "m1", tenant: "acme", namespace: "docs") == 2)
            #expect(try await store.storeEmbeddings([vectors[0]], model: "m1", tenant: "other", namespace: "docs") == 0, "another tenant's chunk is untouched")
            let loaded = try await store.loadEmbeddings(tenant: "acme", namespace: "docs", model: "m1").sorted { $0.chunkID < $1.chunkID }
            #expect(loaded == Array(vectors.prefix(2)).sorted { $0.chunkID < $1.chunkID })
            #expect(try await store.countChunksNeedingEmbeddings(tenant: "acme", namespace: "docs", model: "m1") == 1)
            #expect(try await store.chunksNeedingEmbeddings(tenant: "acme", namespace: "docs", model: "m1", limit: 10).map(\.id) == [chunks[2].id])
            #expect(try await store.countChunksNeedingEmbeddings(tenant: "acme", namespace: "docs", model: "m2") == 3, "another model re-embeds everything")
            #expect(try await store.loadEmbeddings(tenant: "acme", namespace: "docs", model: "m2").isEmpty)
            // lexical search never carries vectors, and still finds the chunk
            #expect(try await store.searchLexical(tenant: "acme", namespace: "docs", query: "refunds", limit: 3).map(\.chunk.id) == [chunks[1].id])
        }
    }

    @Test(arguments: Backend.all)
    func everyChangeRaisesTheNamespaceRevision(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            func revision() async throws -> Int { try await store.knowledgeRevision(tenant: "acme", namespace: "docs") }
            func text() async throws -> Int { try await store.knowledgeTextRevision(tenant: "acme", namespace: "docs") }
            #expect(try await revision() == 0)
            #expect(try await text() == 0)
            let (doc, chunks) = Docs.document("fees.md", hash: "v1", chunks: ["Card fees are 1.5%."])
            _ = try await store.replaceDocument(doc, chunks: chunks)
            let afterCreate = try await revision()
            let textAfterCreate = try await text()
            #expect(textAfterCreate > 0)
            _ = try await store.replaceDocument(doc, chunks: chunks)
            #expect(try await revision() == afterCreate, "an unchanged document changes nothing")
            _ = try await store.storeEmbeddings([ChunkEmbedding(chunkID: chunks[0].id, vector: [1, 0])], model: "m", tenant: "acme", namespace: "docs")
            let afterVectors = try await revision()
            #expect(afterVectors > afterCreate)
            #expect(try await text() == textAfterCreate, "vectors leave the text revision alone")
            let (changed, newChunks) = Docs.document("fees.md", hash: "v2", chunks: ["Card fees are 1.2%."])
            _ = try await store.replaceDocument(changed, chunks: newChunks)
            let afterReplace = try await revision()
            #expect(afterReplace > afterVectors)
            let textAfterReplace = try await text()
            #expect(textAfterReplace > textAfterCreate)
            #expect(try await store.loadEmbeddings(tenant: "acme", namespace: "docs", model: "m").isEmpty, "vectors go with their chunks")
            #expect(try await store.deleteDocument(doc.id, tenant: "acme"))
            let afterDelete = try await revision()
            #expect(afterDelete > afterReplace)
            #expect(try await text() > textAfterReplace)
            _ = try await store.replaceDocument(doc, chunks: chunks)
            _ = try await store.deleteNamespace("docs", tenant: "acme")
            #expect(try await revision() > afterDelete)
            #expect(try await store.knowledgeRevision(tenant: "other", namespace: "docs") == 0)
        }
    }

    @Test(arguments: Backend.all)
    func chunksAreFoundByIdAndByMetadata(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let (a, aChunks) = Docs.document("fees.md", hash: "v1", chunks: ["Card fees.", "Pix fees."])
            var (b, bChunks) = Docs.document("faq.md", hash: "v1", chunks: ["Refunds."])
            b.metadata = ["lang": "pt"]
            bChunks = bChunks.map { var c = $0; c.metadata = ["lang": "pt"]; return c }
            _ = try await store.replaceDocument(a, chunks: aChunks)
            _ = try await store.replaceDocument(b, chunks: bChunks)
            let loaded = try await store.loadChunks([aChunks[1].id, bChunks[0].id, "missing"], tenant: "acme")
            #expect(Set(loaded.map(\.text)) == ["Pix fees.", "Refunds."])
            #expect(try await store.loadChunks([aChunks[0].id], tenant: "other").isEmpty)
            let portuguese = try await store.chunkIDs(tenant: "acme", namespace: "docs", filters: try KnowledgeFilter.parse(["lang": "pt"]))
            #expect(portuguese == [bChunks[0].id])
            #expect(try await store.chunkIDs(tenant: "acme", namespace: "docs", filters: []).count == 3)
        }
    }

    @Test(arguments: Backend.all)
    func chunkTextsAreEveryChunkOfTheNamespaceWithItsHeadingText(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let (doc, chunks) = Docs.document("fees.md", hash: "v1", chunks: ["Card fees are 1.5%.", "Refunds take five days."])
            _ = try await store.replaceDocument(doc, chunks: chunks)
            let (other, otherChunks) = Docs.document("pix.md", namespace: "other", hash: "v1", chunks: ["Pix is free."])
            _ = try await store.replaceDocument(other, chunks: otherChunks)
            let texts = try await store.chunkTexts(tenant: "acme", namespace: "docs").sorted { $0.id < $1.id }
            #expect(texts.map(\.id) == chunks.map(\.id).sorted())
            #expect(texts.map(\.text).sorted() == ["Card fees are 1.5%.", "Refunds take five days."])
            #expect(texts.allSatisfy { $0.headingText.contains("Guide") }, "\(texts.map(\.headingText))")
            #expect(try await store.chunkTexts(tenant: "globex", namespace: "docs").isEmpty, "another tenant's namespace is its own")
        }
    }
}

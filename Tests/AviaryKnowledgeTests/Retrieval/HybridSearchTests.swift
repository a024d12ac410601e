import AviaryCore
import AviaryKnowledge
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import AviaryTestSupport
import Foundation
import Testing

/// Hybrid retrieval over a real SQLite store: the vector ranking finds what shares no word with the
/// query, both rankings fused, filters before ranking, chunks without vectors reported, an index
/// rebuilt when the namespace changes, and every degraded path saying why.
@Suite struct HybridSearchTests {
    /// Words a person would use for the same thing, as the stand-in model understands them.
    static let model = HashingEmbeddingModel(concepts: ["reimbursement": "refund", "refunds": "refund", "money": "refund", "back": "refund",
                                                        "instant": "pix", "transfers": "pix"])

    static let documents: [(String, String, JSONValue)] = [
        ("refunds.md", "# Refunds\n\nA refund reaches the card within five business days.", ["product": "card"]),
        ("pix.md", "# Pix\n\nPix moves funds in seconds, any day of the week.", ["product": "pix"]),
        ("fees.md", "# Fees\n\nCard payments cost 2.5% per transaction.", ["product": "card"]),
    ]

    static func withIngested(embedder: (any EmbeddingModel)? = model, embedAll: Bool = true,
                             _ body: (SQLStore, KnowledgeSearch) async throws -> Void) async throws {
        try await withTemporaryDirectory { dir in
            let storage = try await SQLiteStorage.open(path: dir.appendingPathComponent("k.sqlite").path)
            defer { Task { try? await storage.close() } }
            let store = storage.store
            let ingestor = DocumentIngestor(store: store)
            for (source, text, metadata) in documents {
                _ = await ingestor.ingest(IngestItem(origin: .inline(content: text, contentType: nil), source: source, metadata: metadata),
                                          namespace: "help", tenant: "acme")
            }
            if embedAll {
                let chunks = try await store.chunksNeedingEmbeddings(tenant: "acme", namespace: "help", model: model.name, limit: 100)
                _ = try await store.storeEmbeddings(chunks.map { ChunkEmbedding(chunkID: $0.id, vector: model.vector($0.headingPath.joined(separator: " ") + " " + $0.text)) },
                                                    model: model.name, tenant: "acme", namespace: "help")
            }
            try await body(store, KnowledgeSearch(store: store, embedder: embedder))
        }
    }

    @Test func theVectorRankingFindsAPassageThatSharesNoWordWithTheQuestion() async throws {
        try await Self.withIngested { _, search in
            let results = try await search.retrieve("how do I get my money back", namespace: "help", tenant: "acme", topK: 2)
            #expect(results.retrieval == .hybrid && results.chunksWithoutVectors == 0 && results.note == nil)
            #expect(results.hits.first?.chunk.source == "refunds.md", "\(results.hits.map(\.chunk.source))")
            let lexical = try await KnowledgeSearch(store: search.store).retrieve("how do I get my money back", namespace: "help", tenant: "acme")
            #expect(lexical.retrieval == .lexical && !lexical.hits.contains { $0.chunk.source == "refunds.md" },
                    "full text alone misses it: the vectors found it")
            #expect(lexical.note?.contains("no embedding model") == true)
        }
    }

    @Test func whatBothRankingsAgreeOnComesFirst() async throws {
        try await Self.withIngested { _, search in
            let results = try await search.retrieve("card payments fees", namespace: "help", tenant: "acme", topK: 3)
            #expect(results.hits.first?.chunk.source == "fees.md")
            #expect(results.hits.map(\.rank) == Array(1...results.hits.count))
            #expect(zip(results.hits, results.hits.dropFirst()).allSatisfy { $0.score >= $1.score })
        }
    }

    @Test func filtersApplyToTheVectorRankingToo() async throws {
        try await Self.withIngested { _, search in
            let results = try await search.retrieve("how do I get my money back", namespace: "help", tenant: "acme", topK: 5,
                                                    filters: ["product": "pix"])
            #expect(results.hits.map(\.chunk.source) == ["pix.md"])
            await #expect(throws: KnowledgeFilterError.self) {
                try await search.retrieve("refund", namespace: "help", tenant: "acme", filters: ["produkt": "pix"])
            }
        }
    }

    @Test func chunksWithoutVectorsAreSearchedByFullTextAndCounted() async throws {
        try await Self.withIngested(embedAll: false) { store, search in
            let results = try await search.retrieve("pix seconds", namespace: "help", tenant: "acme")
            #expect(results.retrieval == .hybrid && results.chunksWithoutVectors == 3)
            #expect(results.hits.first?.chunk.source == "pix.md", "lexical results still come")
            #expect(results.note?.contains("3 chunks") == true)
            // vectors stored later are seen by the next query: the namespace's revision moved
            let chunks = try await store.chunksNeedingEmbeddings(tenant: "acme", namespace: "help", model: Self.model.name, limit: 100)
            _ = try await store.storeEmbeddings(chunks.map { ChunkEmbedding(chunkID: $0.id, vector: Self.model.vector($0.text)) },
                                                model: Self.model.name, tenant: "acme", namespace: "help")
            let after = try await search.retrieve("how do I get my money back", namespace: "help", tenant: "acme", topK: 1)
            #expect(after.chunksWithoutVectors == 0 && after.hits.first?.chunk.source == "refunds.md")
        }
    }

    @Test func aDeletedDocumentLeavesTheResultsAtOnce() async throws {
        try await Self.withIngested { store, search in
            _ = try await search.retrieve("refund", namespace: "help", tenant: "acme")
            let doc = try #require(try await store.loadDocument(tenant: "acme", namespace: "help", source: "refunds.md"))
            #expect(try await store.deleteDocument(doc.id, tenant: "acme"))
            let results = try await search.retrieve("how do I get my money back", namespace: "help", tenant: "acme", topK: 5)
            #expect(!results.hits.contains { $0.chunk.source == "refunds.md" })
        }
    }

    @Test func aQueryTheModelCannotEmbedFallsBackToFullText() async throws {
        try await Self.withIngested(embedder: HashingEmbeddingModel(name: Self.model.name, failAfter: 0)) { _, search in
            let results = try await search.retrieve("pix", namespace: "help", tenant: "acme")
            #expect(results.retrieval == .lexical && results.hits.first?.chunk.source == "pix.md")
            #expect(results.note?.contains("embedding the query failed") == true && results.note?.contains("down") == true)
        }
    }

    @Test func aRerankerReordersTheCandidatesAndAFailingOneIsReported() async throws {
        struct PreferFees: Reranker {
            let name = "prefer-fees"
            func scores(query: String, passages: [String]) async throws -> [Double] { passages.map { $0.contains("2.5%") ? 1 : 0 } }
        }
        struct Broken: Reranker {
            let name = "broken"
            func scores(query: String, passages: [String]) async throws -> [Double] { [] }
        }
        try await Self.withIngested { store, _ in
            let ranked = try await KnowledgeSearch(store: store, embedder: Self.model, reranker: PreferFees())
                .retrieve("card refund", namespace: "help", tenant: "acme", topK: 2)
            #expect(ranked.hits.first?.chunk.source == "fees.md" && ranked.reranker == "prefer-fees" && ranked.hits.count == 2)
            let broken = try await KnowledgeSearch(store: store, embedder: Self.model, reranker: Broken())
                .retrieve("card refund", namespace: "help", tenant: "acme", topK: 2)
            #expect(broken.reranker == nil && broken.hits.count == 2 && broken.note?.contains("reranking failed") == true)
        }
    }

    @Test func theToolAndTheAPIShapeSayHowResultsWereFound() async throws {
        try await Self.withIngested(embedAll: false) { _, search in
            let tool = RAGSearchTool(search: search, defaultNamespace: "help")
            let output = try await tool.call(arguments: ["query": "pix"], context: ToolContext(runID: RunID("run_x"), tenant: "acme", idempotencyKey: "k", callID: "c"))
            let json = output.content
            #expect(json["retrieval"] == "hybrid" && json["chunks_without_vectors"] == 3)
            #expect(json["results"]?[0]?["source"] == "pix.md" && json["results"]?[0]?["heading_path"] == ["Pix"])
        }
    }
}

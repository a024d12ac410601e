import AviaryCore
import AviaryKnowledge
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import AviaryTestSupport
import Foundation
import Testing

/// An ingestion job with an embedding model: the items first (searchable by full text at once),
/// then the vectors in journaled batches; a model that dies mid-job fails only that part, and the
/// next job of the namespace embeds what was left.
@Suite struct EmbeddingBackfillTests {
    static func withRuntime(embedder: any EmbeddingModel, batchSize: Int = 2, _ body: (AgentRuntime, SQLStore) async throws -> Void) async throws {
        try await withTemporaryDirectory { dir in
            let storage = try await SQLiteStorage.open(path: dir.appendingPathComponent("aviary.sqlite").path)
            defer { Task { try? await storage.close() } }
            var program = IngestProgram(ingestor: DocumentIngestor(store: storage.store), embedder: embedder)
            program.embeddingBatchSize = batchSize
            let runtime = AgentRuntime(catalog: AgentCatalog([]), tools: ToolRegistry([]),
                                       models: SingleModelProvider(FunctionModel { _ in .text("unused") }), runs: storage.store,
                                       sessions: storage.store, programs: [program], leasing: RunLeasing(owner: "embed-tests"))
            try await body(runtime, storage.store)
        }
    }

    static func items(_ n: Int, prefix: String = "doc") -> [JSONValue] {
        (0..<n).map { i in ["content": .string("# Topic \(i)\n\nParagraph about subject number \(i) and its details."), "source": .string("\(prefix)\(i).md")] }
    }

    @Test func vectorsAreFilledInBatchesAfterTheItems() async throws {
        let model = HashingEmbeddingModel()
        try await Self.withRuntime(embedder: model) { runtime, store in
            let run = try await IngestJobTests.job(runtime, namespace: "kb", Self.items(5))
            #expect(run.status == .completed)
            let embeddings = run.output?["embeddings"]
            #expect(embeddings?["status"] == "completed" && embeddings?["embedded"] == 5 && embeddings?["remaining"] == 0)
            #expect(embeddings?["model"] == .string(model.name))
            let journal = try await store.loadJournal(run.id, tenant: "acme")
            #expect(journal.filter { $0.key.hasPrefix("embed/") }.map(\.key) == ["embed/0", "embed/1", "embed/2", "embed/3"],
                    "three batches of at most 2, then one that finds nothing left")
            #expect(model.callCount == 3)
            #expect(try await store.loadEmbeddings(tenant: "acme", namespace: "kb", model: model.name).count == 5)
            let report = IngestJobReport(run: run, journal: journal)
            #expect(report.embeddings?.status == .completed && report.embeddings?.embedded == 5)
            // a second job with unchanged documents embeds nothing more
            let again = try await IngestJobTests.job(runtime, namespace: "kb", Self.items(5))
            #expect(again.output?["counts"]?["skipped"] == 5 && again.output?["embeddings"]?["embedded"] == 0 && model.callCount == 3)
        }
    }

    static func runtime(_ store: SQLStore, embedder: any EmbeddingModel) -> AgentRuntime {
        var program = IngestProgram(ingestor: DocumentIngestor(store: store), embedder: embedder)
        program.embeddingBatchSize = 2
        return AgentRuntime(catalog: AgentCatalog([]), tools: ToolRegistry([]), models: SingleModelProvider(FunctionModel { _ in .text("unused") }),
                            runs: store, sessions: store, programs: [program], leasing: RunLeasing(owner: "embed-tests"))
    }

    @Test func aModelThatDiesMidJobFailsOnlyTheVectorsAndTheNextJobFinishesThem() async throws {
        try await withTemporaryDirectory { dir in
            let storage = try await SQLiteStorage.open(path: dir.appendingPathComponent("aviary.sqlite").path)
            defer { Task { try? await storage.close() } }
            let store = storage.store
            let dying = HashingEmbeddingModel(failAfter: 1)
            let run = try await IngestJobTests.job(Self.runtime(store, embedder: dying), namespace: "kb", Self.items(5))
            #expect(run.status == .completed)
            #expect(run.output?["counts"]?["created"] == 5, "every item is ingested")
            let embeddings = run.output?["embeddings"]
            #expect(embeddings?["status"] == "failed" && embeddings?["embedded"] == 2 && embeddings?["remaining"] == 3)
            #expect(embeddings?["error"]?.stringValue?.contains("the embedding server is down") == true)
            #expect(try await store.searchLexical(tenant: "acme", namespace: "kb", query: "subject 4", limit: 1).first?.chunk.source == "doc4.md",
                    "chunks without vectors are searchable by full text")
            let next = try await IngestJobTests.job(Self.runtime(store, embedder: HashingEmbeddingModel()), namespace: "kb", Self.items(1, prefix: "extra"))
            #expect(next.output?["embeddings"]?["embedded"] == 4 && next.output?["embeddings"]?["remaining"] == 0,
                    "the three left behind and the new one")
            #expect(try await store.countChunksNeedingEmbeddings(tenant: "acme", namespace: "kb", model: dying.name) == 0)
        }
    }

    @Test func withoutAModelTheJobSaysRetrievalIsLexical() async throws {
        try await IngestJobTests.withRuntime { runtime, _, _ in
            let run = try await IngestJobTests.job(runtime, Self.items(1))
            #expect(run.output?["embeddings"]?["status"] == "off")
            #expect(run.output?["embeddings"]?["note"]?.stringValue?.contains("lexical") == true)
        }
    }
}

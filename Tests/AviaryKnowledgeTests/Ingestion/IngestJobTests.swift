import AviaryCore
import AviaryKnowledge
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import AviaryTestSupport
import Foundation
import Testing

/// Ingestion jobs as runs on the kernel over a real SQLite store: inline and file items, each a
/// journaled step, failures recorded per item while the rest go on, unchanged documents skipped,
/// changed ones replaced whole, and what was ingested found by `rag_search`.
@Suite struct IngestJobTests {
    static func withRuntime(fetcher: (any DocumentFetcher)? = nil, _ body: (AgentRuntime, SQLStore, URL) async throws -> Void) async throws {
        try await withTemporaryDirectory { dir in
            let storage = try await SQLiteStorage.open(path: dir.appendingPathComponent("aviary.sqlite").path)
            defer { Task { try? await storage.close() } }
            let store = storage.store
            let runtime = AgentRuntime(catalog: AgentCatalog([]), tools: ToolRegistry([RAGSearchTool(store: store)]),
                                       models: SingleModelProvider(FunctionModel { _ in .text("unused") }), runs: store, sessions: store,
                                       programs: [IngestProgram(ingestor: DocumentIngestor(store: store, fetcher: fetcher))], leasing: RunLeasing(owner: "ingest-tests"))
            try await body(runtime, store, dir)
        }
    }

    static func job(_ runtime: AgentRuntime, namespace: String = "payments", _ items: [JSONValue]) async throws -> RunRecord {
        var request = RunRequest(agent: IngestProgram.programName, input: try IngestProgram.input(namespace: namespace, items: items),
                                 tenant: "acme", principal: "ana")
        request.runID = RunID.random()
        return try await runtime.run(request)
    }

    static let pricing = """
        # Pricing

        ## Card payments

        Credit card payments cost 2.5% per transaction. Debit card payments cost 1.2%.

        ## Pix

        Pix transfers are free and settle instantly, any day of the week.
        """

    @Test func aJobIngestsEachItemAndRecordsFailuresWithoutStopping() async throws {
        try await Self.withRuntime { runtime, store, dir in
            let file = dir.appendingPathComponent("refunds.html")
            try "<html><head><title>Refunds</title></head><body><nav>Menu</nav><main><h1>Refunds</h1><p>A refund reaches the card in 5 business days.</p></main></body></html>"
                .write(to: file, atomically: true, encoding: .utf8)
            let binary = dir.appendingPathComponent("logo.txt")
            try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]).write(to: binary)
            let run = try await Self.job(runtime, [
                ["content": .string(Self.pricing), "source": "pricing.md", "metadata": ["product": "pos"]],
                ["path": .string(file.path), "source": "refunds.html"],
                ["path": .string(binary.path), "source": "logo.txt"],
                ["path": .string(dir.appendingPathComponent("missing.md").path), "source": "missing.md"],
            ])
            #expect(run.status == .completed)
            let items = run.output?["items"]?.arrayValue ?? []
            #expect(items.map { $0["status"]?.stringValue } == ["created", "created", "failed", "failed"])
            #expect(items[2]["error"]?.stringValue?.isEmpty == false && items[3]["error"]?.stringValue?.isEmpty == false)
            #expect(run.output?["counts"]?["failed"] == 2)
            // each item is its own journaled step
            let steps = try await store.loadJournal(run.id, tenant: "acme").map(\.key).filter { $0.hasPrefix("item/") }
            #expect(steps.sorted() == ["item/0", "item/1", "item/2", "item/3"])

            let hits = try await store.searchLexical(tenant: "acme", namespace: "payments", query: "pix transfer fees", limit: 3)
            #expect(hits.first?.chunk.headingPath == ["Pricing", "Pix"] && hits.first?.chunk.metadata["product"] == "pos")
            let refund = try await store.searchLexical(tenant: "acme", namespace: "payments", query: "refund business days", limit: 3)
            #expect(refund.first?.chunk.source == "refunds.html" && refund.first?.chunk.text.contains("Menu") == false)
        }
    }

    @Test func unchangedDocumentsAreSkippedAndChangedOnesReplacedWhole() async throws {
        try await Self.withRuntime { runtime, store, _ in
            let item: JSONValue = ["content": .string(Self.pricing), "source": "pricing.md"]
            _ = try await Self.job(runtime, [item])
            let again = try await Self.job(runtime, [item])
            #expect(again.output?["items"]?[0]?["status"] == "skipped" && again.output?["counts"]?["chunks"] == 0)
            let changed = try await Self.job(runtime, [["content": "# Pricing\n\nEverything is free now.", "source": "pricing.md"]])
            #expect(changed.output?["items"]?[0]?["status"] == "replaced")
            #expect(try await store.searchLexical(tenant: "acme", namespace: "payments", query: "pix", limit: 3).isEmpty)
            #expect(try await store.namespaces(tenant: "acme") == [KnowledgeNamespace(name: "payments", documents: 1, chunks: 1)])
        }
    }

    @Test func badJobsAreRefusedBeforeTheyStart() throws {
        #expect(throws: IngestError.self) { try IngestProgram.input(namespace: "bad name", items: [["content": "x"]]) }
        #expect(throws: IngestError.self) { try IngestProgram.input(namespace: "ok", items: []) }
        #expect(throws: IngestError.self) { try IngestProgram.input(namespace: "ok", items: [["url": "ftp://example.com/file.txt"]]) }
        #expect(throws: IngestError.self) { try IngestProgram.input(namespace: "ok", items: [["url": "http://example.com", "content": "x"]]) }
        #expect(throws: IngestError.self) { try IngestProgram.input(namespace: "ok", items: [["content": "x", "metadata": "nope"]]) }
        #expect(throws: IngestError.self) { try IngestProgram.input(namespace: "ok", items: [["neither": true]]) }
    }

    @Test func ragSearchReturnsPassagesWithCitations() async throws {
        try await Self.withRuntime { runtime, store, _ in
            _ = try await Self.job(runtime, [["content": .string(Self.pricing), "source": "pricing.md"]])
            let tool = RAGSearchTool(store: store, defaultNamespace: "payments")
            let context = ToolContext(runID: RunID("run_x"), tenant: "acme", idempotencyKey: "k1", callID: "c1")
            let output = try await tool.call(arguments: ["query": "How much do debit card payments cost?", "top_k": 2], context: context)
            let results = output.content["results"]?.arrayValue ?? []
            #expect(results.count >= 1)
            #expect(results.first?["source"] == "pricing.md" && results.first?["heading_path"] == ["Pricing", "Card payments"])
            #expect(results.first?["text"]?.stringValue?.contains("1.2%") == true)
            let other = try await tool.call(arguments: ["query": "debit"], context: ToolContext(runID: RunID("run_y"), tenant: "globex", idempotencyKey: "k2", callID: "c2"))
            #expect(other.content["results"] == [])
            await #expect(throws: ToolError.self) { try await tool.call(arguments: ["query": " "], context: context) }
        }
    }
}

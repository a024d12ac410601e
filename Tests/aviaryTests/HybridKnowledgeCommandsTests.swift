import AviaryCore
import AviaryTesting
import AviaryTestSupport
import Foundation
import Testing

/// `aviary ingest` and `aviary kb query` of a real `aviary` with `embeddings:` pointing at an
/// OpenAI-compatible embeddings server (a local fake speaking the wire protocol): vectors filled
/// after the items with progress, hybrid results, and a server that fails reported while every
/// document still lands and is searchable by full text.
@Suite struct HybridKnowledgeCommandsTests {
    static let env = ["OPENAI_API_KEY": "x"]

    static func writeProject(_ dir: URL, embeddingsURL: String) throws {
        try KillAndResumeTests.writeProject(dir)
        try """
        model: openai/fake-model
        default_agent: scribe
        embeddings:
          base_url: \(embeddingsURL)
          model: hashing-64
          batch_size: 2
        """.write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
        let docs = dir.appendingPathComponent("kb")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try "# Refunds\n\nA refund reaches the card within five business days.\n"
            .write(to: docs.appendingPathComponent("refunds.md"), atomically: true, encoding: .utf8)
        try "# Pix\n\nPix moves funds in seconds, any day of the week.\n".write(to: docs.appendingPathComponent("pix.md"), atomically: true, encoding: .utf8)
        try "# Fees\n\nCard payments cost 2.5% per transaction.\n".write(to: docs.appendingPathComponent("fees.md"), atomically: true, encoding: .utf8)
    }

    @Test func ingestionFillsVectorsAndQueriesAreHybrid() async throws {
        let model = HashingEmbeddingModel(concepts: ["money": "refund", "back": "refund", "refunds": "refund"])
        try await FakeEmbeddingServer.with(model: model) { server in
            try await withTemporaryDirectory { dir in
                try Self.writeProject(dir, embeddingsURL: server.baseURL)
                let project = ["--project", dir.path]
                let (status, out, err) = try await CLIProcess.run(["ingest", dir.appendingPathComponent("kb").path, "--namespace", "help"] + project,
                                                                  environment: Self.env)
                #expect(status == 0, "\(err)")
                #expect(out.contains("vectors: 3 embedded with embeddings/hashing-64"), "\(out)")
                #expect(server.requests.count == 2, "two batches of at most 2")
                let (_, query, queryErr) = try await CLIProcess.run(["kb", "query", "how do I get my money back", "--namespace", "help", "--json"] + project,
                                                                    environment: Self.env)
                let result = try JSONValue(parsing: query)
                #expect(result["retrieval"] == "hybrid" && result["chunks_without_vectors"] == 0, "\(query) \(queryErr)")
                #expect(result["results"]?[0]?["source"]?.stringValue?.hasSuffix("refunds.md") == true, "\(query)")
                #expect(server.requests.last?.body?["input"] == ["how do I get my money back"])
            }
        }
    }

    @Test func anEmbeddingServerThatDiesLeavesEveryDocumentSearchableByFullText() async throws {
        try await FakeEmbeddingServer.with(downAfter: 1) { server in
            try await withTemporaryDirectory { dir in
                try Self.writeProject(dir, embeddingsURL: server.baseURL)
                let project = ["--project", dir.path]
                let (status, out, err) = try await CLIProcess.run(["ingest", dir.appendingPathComponent("kb").path, "--namespace", "help"] + project,
                                                                  environment: Self.env.merging(["AVIARY_LOG_LEVEL": "critical"]) { $1 })
                #expect(status == 0, "the items all landed: \(err)")
                #expect(out.contains("3 created") && out.contains("vectors: failed after 2 embedded") && out.contains("1 chunks wait"), "\(out) \(err) \(server.requests.count)")
                let (_, query, _) = try await CLIProcess.run(["kb", "query", "pix seconds", "--namespace", "help", "--json"] + project, environment: Self.env)
                let result = try JSONValue(parsing: query)
                #expect(result["results"]?[0]?["source"]?.stringValue?.hasSuffix("pix.md") == true, "\(query)")
                #expect(result["retrieval"] == "lexical" && result["note"]?.stringValue?.contains("embedding the query failed") == true, "\(query)")
            }
        }
    }

    @Test func embeddingsOffSaysRetrievalIsLexical() async throws {
        try await withTemporaryDirectory { dir in
            try Self.writeProject(dir, embeddingsURL: "http://127.0.0.1:9/v1")
            let project = ["--project", dir.path]
            let env = Self.env.merging(["AVIARY_EMBEDDINGS": "none"]) { $1 }
            let (status, out, _) = try await CLIProcess.run(["ingest", dir.appendingPathComponent("kb").path, "--namespace", "help"] + project, environment: env)
            #expect(status == 0 && out.contains("vectors: off (no embedding model): retrieval is lexical only"), "\(out)")
            let (_, _, err) = try await CLIProcess.run(["kb", "query", "pix", "--namespace", "help"] + project, environment: env)
            #expect(err.contains("note: no embedding model is configured: lexical retrieval only"), "\(err)")
        }
    }
}

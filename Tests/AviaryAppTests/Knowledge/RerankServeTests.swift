import AsyncHTTPClient
import AviaryApp
import AviaryCore
import AviaryHTTP
import AviaryRuntime
import AviaryTesting
import AviaryTestSupport
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import Synchronization
import Testing

/// `knowledge.rerank:` end to end: `aviary serve` built from aviary.yaml, documents ingested and
/// queried through the HTTP API, the cross-encoder endpoint a ``FakeRerankServer`` on 127.0.0.1.
@Suite struct RerankServeTests {
    static let filler = Array(repeating: "Merchants read the settlement calendar and the reconciliation report every morning before opening.", count: 6)
        .joined(separator: " ")
    /// Full text prefers the short passages; the reranker prefers the long one holding every word of the question.
    static let documents: [(String, String)] = [
        ("chargebacks.md", "# Chargebacks\n\nChargeback chargeback chargeback: a chargeback reverses a card payment."),
        ("disputes.md", "# Disputes\n\nA dispute has a deadline. Dispute deadline rules differ by network."),
        ("handbook.md", "# Handbook\n\n\(filler) To contest a chargeback, open a dispute before the deadline. \(filler)"),
    ]
    static let question = "chargeback dispute deadline"

    @Test func queriesAreRerankedByTheConfiguredEndpointAndAFailureKeepsTheFusedOrder() async throws {
        let broken = #"{"results":[{"index":99,"relevance_score":1}]}"#
        try await FakeRerankServer.with(bodies: [2: broken]) { reranker in
            try await withTemporaryDirectory { dir in
                try FileManager.default.createDirectory(at: dir.appendingPathComponent("agents"), withIntermediateDirectories: true)
                try "name: helper\ninstructions: Answer from the knowledge base.\ntools: [rag_search]\n"
                    .write(to: dir.appendingPathComponent("agents/helper.yaml"), atomically: true, encoding: .utf8)
                try """
                    model: openai/fake-model
                    embeddings: none
                    knowledge:
                      rerank:
                        provider: endpoint
                        base_url: \(reranker.baseURL)
                        model: fake-reranker
                        api_key_env: RERANK_TEST_KEY
                    """.write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
                try await Self.serve(dir, environment: ["RERANK_TEST_KEY": "rk-1"]) { call in
                    let accepted = try await call(.POST, "/knowledge-bases/ingest", [
                        "namespace": "help",
                        "items": .array(Self.documents.map { ["content": .string($0.1), "source": .string($0.0)] }),
                    ])
                    let job = try #require(accepted["job_id"]?.stringValue, "\(accepted)")
                    _ = try await call(.GET, "/api/v1/runs/\(job)/events", nil) // the stream ends with the job
                    let query: JSONValue = ["query": .string(Self.question), "namespace": "help", "top_k": 3]

                    let ranked = try await call(.POST, "/knowledge-bases/query", query)
                    #expect(ranked["reranker"] == "rerank/fake-reranker", "\(ranked)")
                    #expect(ranked["note"]?.stringValue?.contains("reranking") == false, "only the lexical note: \(ranked)")
                    let sent = try #require(reranker.requests.first)
                    #expect(sent.headers["authorization"] == "Bearer rk-1" && sent.body?["query"] == .string(Self.question))
                    let fused = (sent.body?["documents"]?.arrayValue ?? []).compactMap(\.stringValue)
                    #expect(fused.count == 3, "every fused candidate is reranked")
                    let results = ranked["results"]?.arrayValue ?? []
                    let texts = results.compactMap { $0["text"]?.stringValue }
                    #expect(texts == fused.sorted { FakeRerankServer.score(query: Self.question, document: $0) > FakeRerankServer.score(query: Self.question, document: $1) })
                    #expect(results.first?["source"] == "handbook.md" && fused.first != texts.first, "full text put \(fused.first ?? "") first")
                    #expect(results.first?["score"] == 1 && results.map { $0["rank"] } == [1, 2, 3])

                    let fallback = try await call(.POST, "/knowledge-bases/query", query)
                    #expect(fallback["reranker"] == nil)
                    #expect(fallback["note"]?.stringValue?.contains("reranking failed") == true
                            && fallback["note"]?.stringValue?.contains("index: 99 is out of range for 3 documents") == true, "\(fallback)")
                    #expect(fallback["results"]?.arrayValue?.compactMap { $0["text"]?.stringValue } == fused, "the fused order")
                }
            }
        }
    }

    /// Serves the project at `dir` and gives `body` a JSON caller authenticated as a service key.
    static func serve(_ dir: URL, environment: [String: String],
                      _ body: (_ call: @escaping (HTTPMethod, String, JSONValue?) async throws -> JSONValue) async throws -> Void) async throws {
        var config = try ConfigurationLoader(environment: [:]).load(project: dir)
        config.server.port = 0
        let key = try await AviaryApplication.createAPIKey(config, tenant: "default", principal: "svc", role: "service", name: "test")
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let options = AviaryApplication.Options(environment: environment, logger: logger,
                                                modelProvider: SingleModelProvider(FunctionModel { _ in .text("unused") }))
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        defer { _ = client.shutdown() }
        try await ServedApplication.with(config, options: options) { port in
            try await body { method, path, json in
                var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
                request.method = method
                request.headers.add(name: "Authorization", value: "Bearer \(key.key)")
                if let json {
                    request.headers.add(name: "Content-Type", value: "application/json")
                    request.body = .bytes(ByteBuffer(string: json.jsonString))
                }
                let response = try await client.execute(request, timeout: .seconds(30))
                let text = String(buffer: try await response.body.collect(upTo: 4 << 20))
                return (try? JSONValue(parsing: text)) ?? .string(text)
            }
        }
    }
}

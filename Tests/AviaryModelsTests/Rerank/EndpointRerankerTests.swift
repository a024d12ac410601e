import AviaryCore
import AviaryModels
import AviaryTesting
import Testing

/// The cross-encoder rerank client against ``FakeRerankServer`` over real HTTP: the request body,
/// both answer shapes, documents left out, bad indexes, retries and failures.
@Suite struct EndpointRerankerTests {
    static let passages = ["Card payments cost 2.5% per transaction.", "A refund reaches the card within five business days.",
                           "Pix moves funds in seconds."]

    private func withReranker(shape: FakeRerankServer.Shape = .results, statuses: [Int: Int] = [:], bodies: [Int: String] = [:],
                              _ configuration: (String) -> EndpointReranker.Configuration,
                              _ body: (EndpointReranker, FakeRerankServer) async throws -> Void) async throws {
        try await FakeRerankServer.with(shape: shape, statuses: statuses, bodies: bodies) { server in
            try await AsyncHTTPTransport.withTransport(timeout: .seconds(30)) { transport in
                try await body(EndpointReranker(configuration: configuration(server.baseURL), transport: transport), server)
            }
        }
    }

    @Test func theRequestHasTheCohereShapeAndScoresComeBackInPassageOrder() async throws {
        try await withReranker({ .init(model: "bge-reranker-v2-m3", baseURL: $0 + "/", apiKey: "rk-test") }) { reranker, server in
            let scores = try await reranker.scores(query: "refund card days", passages: Self.passages)
            #expect(scores == Self.passages.map { FakeRerankServer.score(query: "refund card days", document: $0) })
            #expect(scores[1] > scores[0] && scores[0] > scores[2], "\(scores)")
            let request = try #require(server.requests.first)
            #expect(request.method == "POST" && request.path == "/v1/rerank")
            #expect(request.headers["authorization"] == "Bearer rk-test")
            #expect(request.body == ["model": "bge-reranker-v2-m3", "query": "refund card days",
                                     "documents": .array(Self.passages.map { .string($0) }), "top_n": 3])
            #expect(reranker.name == "rerank/bge-reranker-v2-m3")
        }
    }

    @Test func theTEIShapeIsReadToo() async throws {
        try await withReranker(shape: .tei, { .init(model: "bge", baseURL: $0) }) { reranker, server in
            let scores = try await reranker.scores(query: "pix seconds", passages: Self.passages)
            #expect(scores == Self.passages.map { FakeRerankServer.score(query: "pix seconds", document: $0) })
            #expect(server.requests.first?.headers["authorization"] == nil, "no key, no header")
        }
    }

    @Test func documentsLeftOutRankAfterEveryScoredOne() throws {
        #expect(try RerankResponse.scores(["results": [["index": 2, "relevance_score": 0.25], ["index": 0, "relevance_score": 0.75]]],
                                          documents: 4) == [0.75, -0.75, 0.25, -0.75])
        #expect(try RerankResponse.scores([["index": 1, "score": -3.5]], documents: 2) == [-4.5, -3.5], "TEI's raw logits may be negative")
        #expect(try RerankResponse.scores(["results": []], documents: 2) == [-1, -1])
    }

    @Test func badIndexesAndShapesAreErrorsNamingTheField() async throws {
        for (json, says) in [
            (#"{"results":[{"index":3,"relevance_score":0.5}]}"#, "results[0].index: 3 is out of range for 3 documents"),
            (#"{"results":[{"index":1,"relevance_score":0.5},{"index":1,"relevance_score":0.2}]}"#, "results[1].index: document 1 is scored twice"),
            (#"{"results":[{"index":-1,"relevance_score":0.5}]}"#, "results[0].index: expected a whole number"),
            (#"[{"index":0.5,"score":1}]"#, "[0].index: expected a whole number"),
            (#"{"results":[{"index":0}]}"#, "results[0]: expected a number in relevance_score"),
            (#"{"data":[]}"#, "expected an object with `results`"),
        ] {
            try await withReranker(bodies: [1: json], { .init(model: "m", baseURL: $0, retryPolicy: .none) }) { reranker, server in
                let error = await #expect(throws: ProviderError.self, "\(json)") { try await reranker.scores(query: "pix", passages: Self.passages) }
                #expect(error?.kind == .invalidResponse && error?.description.contains(says) == true, "\(json): \(String(describing: error))")
                #expect(server.requests.count == 1, "an unreadable answer is not retried")
            }
        }
    }

    @Test func rateLimitsAndServerErrorsAreRetried() async throws {
        let quick = RetryPolicy(maxAttempts: 3, sleep: { _ in }, random: { 0 })
        try await withReranker(statuses: [1: 429, 2: 503], { .init(model: "m", baseURL: $0, retryPolicy: quick) }) { reranker, server in
            let scores = try await reranker.scores(query: "pix", passages: Self.passages)
            #expect(scores.count == 3 && server.requests.count == 3)
        }
        try await withReranker(statuses: [1: 500, 2: 500, 3: 500], { .init(model: "m", baseURL: $0, retryPolicy: quick) }) { reranker, server in
            let error = await #expect(throws: ProviderError.self) { try await reranker.scores(query: "pix", passages: Self.passages) }
            #expect(error?.status == 500 && server.requests.count == 3)
        }
        try await withReranker(statuses: [1: 401], { .init(model: "m", baseURL: $0, apiKey: "bad", apiKeyEnvironmentVariable: "RERANK_API_KEY", retryPolicy: quick) }) { reranker, server in
            let error = await #expect(throws: ProviderError.self) { try await reranker.scores(query: "pix", passages: Self.passages) }
            #expect(error?.kind == .authentication && error?.description.contains("RERANK_API_KEY") == true && server.requests.count == 1)
        }
    }

    @Test func aMissingKeyFailsBeforeAnyRequestAndNoPassagesNeedNone() async throws {
        try await withReranker({ .init(model: "m", baseURL: $0, requiresAPIKey: true, apiKeyEnvironmentVariable: "RERANK_API_KEY") }) { reranker, server in
            let error = await #expect(throws: ProviderError.self) { try await reranker.scores(query: "pix", passages: Self.passages) }
            #expect(error?.kind == .missingAPIKey && error?.description.contains("RERANK_API_KEY") == true)
            let none = try await reranker.scores(query: "pix", passages: [])
            #expect(none.isEmpty)
            #expect(server.requests.isEmpty)
        }
    }
}

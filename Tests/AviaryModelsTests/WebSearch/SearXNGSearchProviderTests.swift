import AviaryCore
import AviaryModels
import AviaryTesting
import Testing

/// ``SearXNGSearchProvider`` against a fake SearXNG instance over real HTTP on 127.0.0.1.
@Suite struct SearXNGSearchProviderTests {
    static let hits = [
        WebSearchResult(title: "Swift.org", url: "https://swift.org", snippet: "Swift is a general-purpose language.",
                        published: "2024-05-01T00:00:00"),
        WebSearchResult(title: "Swift on Server", url: "https://swift.org/server/", snippet: "Run Swift on Linux."),
        WebSearchResult(title: "Vapor", url: "https://vapor.codes", snippet: "A web framework."),
    ]

    private func withProvider(
        _ replies: [FakeSearchReply], jsonFormat: Bool = true, sleeps: SleepRecorder = SleepRecorder(),
        configure: (inout SearXNGSearchProvider.Configuration) -> Void = { _ in },
        _ body: (SearXNGSearchProvider, FakeSearchServer) async throws -> Void
    ) async throws {
        try await withFakeSearXNGServer(replies: replies, jsonFormat: jsonFormat) { server in
            try await AsyncHTTPTransport.withTransport(timeout: .seconds(30)) { transport in
                var configuration = SearXNGSearchProvider.Configuration(baseURL: server.baseURL + "/", retryPolicy: sleeps.policy())
                configure(&configuration)
                try await body(SearXNGSearchProvider(configuration: configuration, transport: transport), server)
            }
        }
    }

    @Test func asksForJSONWithTheConfiguredOptionsAndReadsTheResults() async throws {
        try await withProvider([.results(Self.hits)], configure: {
            $0.language = "pt-BR"
            $0.safeSearch = .strict
            $0.categories = ["general", "news"]
        }) { provider, server in
            let results = try await provider.search("swift c++ & rust", maxResults: 2)
            #expect(provider.name == "searxng")
            #expect(results == Array(Self.hits.prefix(2)), "cut to maxResults, in the instance's order")
            let request = try #require(server.requests.first)
            #expect(request.method == "GET" && request.path == "/search")
            #expect(request.query == ["q": "swift c++ & rust", "format": "json", "language": "pt-BR", "safesearch": "2",
                                      "categories": "general,news"])
            #expect(request.headers["accept"] == "application/json")
            #expect(server.failures.isEmpty)
        }
    }

    @Test func encodesEveryReservedCharacterOfTheQuery() async throws {
        let provider = SearXNGSearchProvider(configuration: .init(baseURL: "http://127.0.0.1:8888//"), transport: UnusedTransport())
        #expect(provider.requestURL(for: "c++ & go=1 ünï") == "http://127.0.0.1:8888/search?q=c%2B%2B%20%26%20go%3D1%20%C3%BCn%C3%AF&format=json")
        let lenient = SearXNGSearchProvider(configuration: .init(baseURL: "http://h", safeSearch: .off), transport: UnusedTransport())
        #expect(lenient.requestURL(for: "x") == "http://h/search?q=x&format=json&safesearch=0")
    }

    @Test func dropsResultsWithoutAWebAddressAndDefaultsTheTitleToTheURL() async throws {
        let body = #"""
            {"query": "q", "results": [
              {"url": "javascript:alert(1)", "title": "bad", "content": "x"},
              {"title": "no url", "content": "x"},
              {"url": "https://example.com/a", "content": "<b>kept</b>", "publishedDate": null},
              {"url": "HTTP://EXAMPLE.COM/B", "title": "  ", "content": 3}
            ]}
            """#
        try await withProvider([.garbage(body)]) { provider, _ in
            let results = try await provider.search("q", maxResults: 10)
            #expect(results == [WebSearchResult(title: "https://example.com/a", url: "https://example.com/a", snippet: "<b>kept</b>"),
                                WebSearchResult(title: "HTTP://EXAMPLE.COM/B", url: "HTTP://EXAMPLE.COM/B", snippet: "")])
        }
    }

    @Test func anInstanceWithoutTheJSONFormatIsToldHowToEnableIt() async throws {
        try await withProvider([], jsonFormat: false) { provider, server in
            let error = await #expect(throws: WebSearchError.self) { try await provider.search("swift", maxResults: 5) }
            #expect(error?.kind == .jsonFormatDisabled)
            #expect(error?.status == 403)
            #expect(error?.callerDescription.contains("add json to search.formats in its settings.yml") == true, "\(String(describing: error))")
            #expect(server.requests.count == 1, "a 403 is not retried")
        }
    }

    @Test func retriesA429HonouringRetryAfterThenSucceeds() async throws {
        let sleeps = SleepRecorder()
        try await withProvider([.error(status: 429, body: "Too Many Requests", headers: ["Retry-After": "2"]), .results(Self.hits)],
                               sleeps: sleeps) { provider, server in
            let results = try await provider.search("swift", maxResults: 5)
            #expect(results.count == 3)
            #expect(server.requests.count == 2)
            #expect(sleeps.recorded == [.seconds(2)])
        }
    }

    @Test func aStatusThatStaysBadIsReportedWithoutTheEngineBody() async throws {
        let failing = FakeSearchReply.error(status: 502, body: "upstream secret-hostname.internal failed")
        try await withProvider([failing, failing, failing]) { provider, server in
            let error = await #expect(throws: WebSearchError.self) { try await provider.search("swift", maxResults: 5) }
            #expect(error?.kind == .http)
            #expect(error?.status == 502)
            #expect(server.requests.count == 3)
            #expect(error?.callerDescription.contains("secret-hostname") == false)
            #expect(error?.description.contains("secret-hostname") == true, "the details are kept for the logs")
        }
    }

    @Test func aBodyThatIsNotTheAPIsIsAnInvalidResponse() async throws {
        try await withProvider([.garbage("<html>not json</html>"), .garbage(#"{"answers": []}"#)]) { provider, _ in
            for _ in 0..<2 {
                let error = await #expect(throws: WebSearchError.self) { try await provider.search("swift", maxResults: 5) }
                #expect(error?.kind == .invalidResponse)
            }
        }
    }

    @Test func anUnreachableInstanceIsATransportErrorAfterTheRetries() async throws {
        let sleeps = SleepRecorder()
        let transport = StubTransport()
        let provider = SearXNGSearchProvider(configuration: .init(baseURL: "http://127.0.0.1:9", retryPolicy: sleeps.policy()), transport: transport)
        let error = await #expect(throws: WebSearchError.self) { try await provider.search("swift", maxResults: 5) }
        #expect(error?.kind == .transport)
        #expect(transport.requests.count == 3)
        #expect(transport.requests.first?.timeout == .seconds(15))
    }
}

/// A transport for tests that never send.
struct UnusedTransport: HTTPTransport {
    func send(_ request: HTTPRequestData) async throws -> HTTPResponseData { throw CancellationError() }
    func stream(_ request: HTTPRequestData) async throws -> HTTPStreamingResponse { throw CancellationError() }
}

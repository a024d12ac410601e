@testable import AviaryApp
import AviaryCore
import AviaryModels
import AviaryTestSupport
import Foundation
import Testing

/// `web_search:` in aviary.yaml names the engine behind the `web_search` tool.
@Suite("Configuration: web search")
struct WebSearchSettingsTests {
    static func load(_ yaml: String, in dir: URL) throws -> AviaryConfiguration {
        try yaml.write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
        return try ConfigurationLoader(environment: [:]).load(project: dir)
    }

    @Test func absentMeansNoWebSearch() async throws {
        try await withTemporaryDirectory { dir in
            let none = try ConfigurationLoader(environment: [:]).load(project: dir)
            let null = try Self.load("web_search:\n", in: dir)
            #expect(none.webSearch == nil && null.webSearch == nil)
        }
    }

    @Test func readsEveryKey() async throws {
        try await withTemporaryDirectory { dir in
            let searxng = try Self.load("""
                web_search:
                  provider: searxng
                  url: http://127.0.0.1:8888
                  max_results: 7
                  timeout_seconds: 2.5
                  language: pt-BR
                  safesearch: strict
                  categories: [general, news]
                """, in: dir)
            #expect(searxng.webSearch == WebSearchSettings(provider: .searxng, url: "http://127.0.0.1:8888", maxResults: 7,
                                                           timeout: .milliseconds(2500), language: "pt-BR", safeSearch: .strict,
                                                           categories: ["general", "news"]))
            #expect(try Self.load("web_search: {provider: searxng, url: 'https://search.example.org/', categories: 'it, news'}\n", in: dir)
                .webSearch?.categories == ["it", "news"])
            let brave = try Self.load("web_search: {provider: brave}\n", in: dir)
            #expect(brave.webSearch == WebSearchSettings(provider: .brave))
            #expect(brave.webSearch?.apiKeyEnv == "BRAVE_API_KEY")
            #expect(brave.webSearch?.maxResults == 5 && brave.webSearch?.timeout == .seconds(15) && brave.webSearch?.url == nil)
            let custom = try Self.load("web_search: {provider: brave, api_key_env: TEAM_BRAVE_KEY, url: 'http://127.0.0.1:9999'}\n", in: dir)
            #expect(custom.webSearch?.apiKeyEnv == "TEAM_BRAVE_KEY")
            #expect(custom.webSearch?.url == "http://127.0.0.1:9999")
        }
    }

    @Test(arguments: [
        ("web_search: searxng", "web_search: expected a mapping"),
        ("web_search: {url: 'http://x'}", "web_search.provider: required: searxng or brave"),
        ("web_search: {provider: duckduckgo}", "web_search.provider: expected searxng or brave, got 'duckduckgo'"),
        ("web_search: {provider: searxng}", "web_search.url: required for provider searxng"),
        ("web_search: {provider: searxng, url: 'localhost:8888'}", "web_search.url: expected an http:// or https:// URL"),
        ("web_search: {provider: brave, url: 'ftp://x'}", "web_search.url: expected an http:// or https:// URL"),
        ("web_search: {provider: brave, url: 8888}", "web_search.url: expected text"),
        ("web_search: {provider: brave, apikey: x}", "unknown key 'web_search.apikey'"),
        ("web_search: {provider: brave, api_key_env: 'my key'}", "web_search.api_key_env: expected an environment variable"),
        ("web_search: {provider: searxng, url: 'http://x', api_key_env: K}", "web_search.api_key_env: only for provider brave"),
        ("web_search: {provider: brave, max_results: 0}", "web_search.max_results"),
        ("web_search: {provider: brave, max_results: 11}", "web_search.max_results"),
        ("web_search: {provider: brave, max_results: 2.5}", "web_search.max_results"),
        ("web_search: {provider: brave, timeout_seconds: 0}", "web_search.timeout_seconds"),
        ("web_search: {provider: brave, timeout_seconds: soon}", "web_search.timeout_seconds"),
        ("web_search: {provider: brave, safesearch: high}", "web_search.safesearch: expected off, moderate or strict"),
        ("web_search: {provider: brave, language: ''}", "web_search.language: is blank"),
        ("web_search: {provider: brave, categories: [news]}", "web_search.categories: only for provider searxng"),
        ("web_search: {provider: searxng, url: 'http://x', categories: [news, 3]}", "web_search.categories: expected names"),
    ])
    func refusesBadValuesByName(yaml: String, expected: String) async throws {
        try await withTemporaryDirectory { dir in
            let error = #expect(throws: ConfigurationError.self, "\(yaml)") { try Self.load(yaml + "\n", in: dir) }
            #expect(error?.description.contains(expected) == true, "\(yaml): \(String(describing: error))")
        }
    }

    @Test func buildsTheNamedProvider() {
        let searxng = WebSearchSettings(provider: .searxng, url: "http://127.0.0.1:8888", timeout: .seconds(3), language: "en", categories: ["it"])
            .makeProvider(transport: NoTransport(), environment: [:])
        let s = try? #require(searxng as? SearXNGSearchProvider)
        #expect(s?.configuration.baseURL == "http://127.0.0.1:8888")
        #expect(s?.configuration.timeout == .seconds(3))
        #expect(s?.configuration.categories == ["it"])
        let brave = WebSearchSettings(provider: .brave, apiKeyEnv: "TEAM_KEY", safeSearch: .off)
            .makeProvider(transport: NoTransport(), environment: ["TEAM_KEY": "secret"])
        let b = try? #require(brave as? BraveSearchProvider)
        #expect(b?.configuration.apiKey == "secret")
        #expect(b?.configuration.apiKeyEnvironmentVariable == "TEAM_KEY")
        #expect(b?.configuration.baseURL == "https://api.search.brave.com")
        #expect(b?.configuration.safeSearch == .off)
    }
}

/// A transport that is never used.
private struct NoTransport: HTTPTransport {
    func send(_ request: HTTPRequestData) async throws -> HTTPResponseData { throw CancellationError() }
    func stream(_ request: HTTPRequestData) async throws -> HTTPStreamingResponse { throw CancellationError() }
}

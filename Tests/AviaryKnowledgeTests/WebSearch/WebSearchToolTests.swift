@testable import AviaryKnowledge
import AviaryCore
import Synchronization
import Testing

/// A provider double: answers with fixed results (or an error) and records what it was asked.
final class StubSearchProvider: WebSearchProvider {
    let name = "stub"
    let answer: Result<[WebSearchResult], WebSearchError>
    private let asked = Mutex<[(query: String, maxResults: Int)]>([])

    init(_ answer: Result<[WebSearchResult], WebSearchError>) { self.answer = answer }

    var calls: [(query: String, maxResults: Int)] { asked.withLock { $0 } }

    func search(_ query: String, maxResults: Int) async throws -> [WebSearchResult] {
        asked.withLock { $0.append((query, maxResults)) }
        return try answer.get()
    }
}

/// `web_search`: arguments, output shape, markup stripping, limits and provider errors.
@Suite struct WebSearchToolTests {
    static let context = ToolContext(runID: RunID("run_ws"), tenant: "default", idempotencyKey: "k", callID: "c")
    static let results = (1...12).map { WebSearchResult(title: "Page \($0)", url: "https://example.com/\($0)", snippet: "Snippet \($0).") }

    @Test func returnsQueryProviderAndResultsAsJSON() async throws {
        let provider = StubSearchProvider(.success([
            WebSearchResult(title: "<b>Swift</b> &amp; Vapor", url: "https://vapor.codes",
                            snippet: "Fast <strong>server</strong>-side&nbsp;Swift.<br>Try it &#x27;now&#39;  \n today", published: "2024-05-01"),
            WebSearchResult(title: "", url: "https://swift.org", snippet: "a < b, <!-- hidden --> c"),
        ]))
        let output = try await WebSearchTool(provider: provider).call(arguments: ["query": "  swift server  "], context: Self.context)
        #expect(output.content == [
            "query": "swift server", "provider": "stub",
            "results": [
                ["title": "Swift & Vapor", "url": "https://vapor.codes", "snippet": "Fast server-side Swift. Try it 'now' today",
                 "published": "2024-05-01"],
                ["title": "https://swift.org", "url": "https://swift.org", "snippet": "a < b, c"],
            ],
        ])
        #expect(provider.calls.map(\.query) == ["swift server"])
    }

    @Test func asksForTheDefaultOrTheGivenNumberAndNeverReturnsMore() async throws {
        let provider = StubSearchProvider(.success(Self.results))
        let tool = WebSearchTool(provider: provider, defaultMaxResults: 3)
        let defaulted = try await tool.call(arguments: ["query": "pages"], context: Self.context)
        #expect(defaulted.content["results"]?.arrayValue?.count == 3)
        let asked = try await tool.call(arguments: ["query": "pages", "max_results": 10], context: Self.context)
        #expect(asked.content["results"]?.arrayValue?.count == 10)
        #expect(provider.calls.map(\.maxResults) == [3, 10])
        #expect(WebSearchTool(provider: provider, defaultMaxResults: 50).defaultMaxResults == 10)
    }

    @Test func refusesBadArgumentsNamingTheField() async throws {
        let tool = WebSearchTool(provider: StubSearchProvider(.success([])))
        let cases: [(JSONValue, String)] = [
            ([:], "query:"), (["query": 3], "query:"), (["query": "  \n "], "query: is empty"),
            (["query": .string(String(repeating: "a", count: 401))], "at most 400"),
            (["query": "x", "max_results": 0], "max_results:"), (["query": "x", "max_results": 11], "max_results:"),
            (["query": "x", "max_results": 2.5], "max_results:"), (["query": "x", "max_results": "3"], "max_results:"),
        ]
        for (arguments, expected) in cases {
            let error = await #expect(throws: ToolError.self, "\(arguments)") { try await tool.call(arguments: arguments, context: Self.context) }
            #expect(error?.codeName == "invalid_arguments")
            #expect(error?.message.contains(expected) == true, "\(arguments): \(String(describing: error))")
        }
    }

    @Test func theSchemaBoundsTheArguments() {
        let spec = WebSearchTool(provider: StubSearchProvider(.success([])), defaultMaxResults: 4).spec
        #expect(spec.name == "web_search")
        #expect(spec.parameters["required"] == ["query"])
        #expect(spec.parameters["properties"]?["max_results"]?["maximum"] == 10)
        #expect(spec.parameters["properties"]?["max_results"]?["description"] == "How many results (default 4).")
        #expect(spec.parameters["properties"]?["query"]?["maxLength"] == 400)
        #expect(spec.parameters["additionalProperties"] == false)
    }

    @Test func thePolicyIsIdempotentWithTheConfiguredTimeout() {
        let policy = WebSearchTool(provider: StubSearchProvider(.success([])), timeout: .milliseconds(7_500)).policy
        #expect(policy.timeout == 7.5)
        #expect(policy.idempotent)
        #expect(policy.retries == 0, "the provider retries itself")
        #expect(policy.risk == .safe)
    }

    @Test func aProviderFailureIsACallerSafeErrorWithoutTheEnginesAnswer() async throws {
        let failure = WebSearchError(.rateLimited, provider: "brave", message: "too many searches (HTTP 429); try again later", status: 429,
                                     details: "HTTP 429: {\"detail\": \"plan Free, quota 2000\"}")
        let tool = WebSearchTool(provider: StubSearchProvider(.failure(failure)))
        let error = await #expect(throws: WebSearchError.self) { try await tool.call(arguments: ["query": "swift"], context: Self.context) }
        let safe: (any CallerSafeError)? = error
        #expect(safe?.callerDescription == "web search (brave): too many searches (HTTP 429); try again later (error id \(failure.errorID))")
        #expect(safe?.callerDescription.contains("quota 2000") == false, "the engine's answer stays in the logs")
        #expect(error?.description.contains("quota 2000") == true)
    }

    @Test func cutsLongFieldsAndDropsOverlongAddresses() async throws {
        let provider = StubSearchProvider(.success([
            WebSearchResult(title: String(repeating: "t", count: 500), url: "https://example.com/long",
                            snippet: String(repeating: "word ", count: 600), published: String(repeating: "2", count: 100)),
            WebSearchResult(title: "too long", url: "https://example.com/" + String(repeating: "a", count: 3_000), snippet: ""),
        ]))
        let output = try await WebSearchTool(provider: provider).call(arguments: ["query": "long"], context: Self.context)
        let results = try #require(output.content["results"]?.arrayValue)
        #expect(results.count == 1)
        #expect(results[0]["title"]?.stringValue?.count == 300)
        #expect(results[0]["title"]?.stringValue?.hasSuffix("…") == true)
        #expect(results[0]["snippet"]?.stringValue?.count == 1_000)
        #expect(results[0]["published"]?.stringValue?.count == 64)
    }
}

/// The markup stripping of titles and snippets.
@Suite struct SnippetTextTests {
    @Test(arguments: [
        ("<strong>Swift</strong>ly", "Swiftly"),
        ("one<br/>two<p>three</p>", "one two three"),
        ("a <b and c", "a <b and c"),
        ("1 < 2 > 0", "1 < 2 > 0"),
        ("&lt;tag&gt; &quot;q&quot; &apos;a&apos; &#65;&#x42; &unknown; &#0; & done", "<tag> \"q\" 'a' AB &unknown; &#0; & done"),
        ("<!-- comment --><?xml x?>text", "text"),
        ("  spaced \t\n out  ", "spaced out"),
    ])
    func plainText(html: String, expected: String) {
        #expect(SnippetText.plain(html, limit: 100) == expected)
    }

    @Test func cutsWithAnEllipsisAndReadsABoundedInput() {
        #expect(SnippetText.plain("abcdef", limit: 4) == "abc…")
        #expect(SnippetText.plain("abcd", limit: 4) == "abcd")
        let hostile = String(repeating: "<a", count: 50_000)
        #expect(SnippetText.plain(hostile, limit: 10).count == 10)
        let tags = String(repeating: "<br>", count: 6_000) + "end"
        #expect(SnippetText.plain(tags, limit: 10) == "", "input past maximumInput is not read")
    }
}

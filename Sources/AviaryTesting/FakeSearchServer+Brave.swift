import AviaryCore
import Hummingbird

extension FakeSearchServer {
    /// The Brave Search API's web search: `GET /res/v1/web/search`. A request without
    /// `X-Subscription-Token: apiKey` gets Brave's 422 `SUBSCRIPTION_TOKEN_INVALID`; others answer
    /// from the script in Brave's shape, cut to the request's `count`.
    static func braveRouter(script: FakeScript<FakeSearchReply>, apiKey: String) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/res/v1/web/search") { request, _ -> Response in
            let recorded = try await LocalHTTPServer.record(request)
            guard recorded.headers["x-subscription-token"] == apiKey else {
                script.record(recorded)
                return LocalHTTPServer.response(status: 422, contentType: "application/json", body: Self.braveErrorBody(
                    status: 422, code: "SUBSCRIPTION_TOKEN_INVALID", detail: "The provided subscription token is invalid."))
            }
            let count = recorded.query["count"].flatMap { Int($0) } ?? 20
            return Self.answer(recorded, script: script) { Self.braveBody(Array($0.prefix(count)), query: recorded.query["q"] ?? "") }
        }
        return router
    }

    /// Brave's JSON answer for `results`: no `web` section when there are none, as Brave does.
    static func braveBody(_ results: [WebSearchResult], query: String) -> JSONValue {
        var body: [String: JSONValue] = ["type": "search", "query": ["original": .string(query), "more_results_available": false]]
        guard !results.isEmpty else { return .object(body) }
        let items: [JSONValue] = results.map { result in
            var item: [String: JSONValue] = [
                "type": "search_result", "title": .string(result.title), "url": .string(result.url), "description": .string(result.snippet),
                "is_source_local": false, "is_source_both": false, "language": "en", "family_friendly": true,
                "profile": ["name": "Example", "url": .string(result.url), "long_name": "example.com"],
                "meta_url": ["scheme": "https", "netloc": "example.com", "hostname": "example.com", "path": "› page"],
            ]
            if let published = result.published { item["page_age"] = .string(published) }
            return .object(item)
        }
        body["web"] = ["type": "search", "results": .array(items), "family_friendly": true]
        body["mixed"] = ["type": "mixed", "main": .array(results.indices.map { ["type": "web", "index": .number(Double($0)), "all": false] })]
        return .object(body)
    }

    /// A Brave error body: `{"type": "ErrorResponse", "error": {"id", "status", "code", "detail", "meta"}, "time"}`.
    public static func braveErrorBody(status: Int, code: String, detail: String) -> String {
        JSONValue.object(["type": "ErrorResponse", "time": 1_700_000_000,
                          "error": ["id": "00000000-0000-4000-8000-000000000000", "status": .number(Double(status)), "code": .string(code),
                                    "detail": .string(detail), "meta": ["component": "api"]]]).jsonString
    }
}

/// Runs `body` against a fake Brave Search API (``FakeSearchServer``; its `baseURL` is the API
/// root) that accepts the subscription token `apiKey` and serves `replies`, then `fallback` for
/// every later search, then shuts it down (also when `body` throws).
public func withFakeBraveServer<T>(
    apiKey: String = "brave-test-key", replies: [FakeSearchReply] = [], fallback: FakeSearchReply? = nil,
    _ body: (FakeSearchServer) async throws -> T
) async throws -> T {
    let script = FakeScript(replies: replies, fallback: fallback)
    return try await FakeSearchServer.with(script: script, router: FakeSearchServer.braveRouter(script: script, apiKey: apiKey), body)
}

import AviaryCore
import Hummingbird

extension FakeSearchServer {
    /// SearXNG's search endpoint: `GET /search` (and `/`). `format=json` answers from the script
    /// in SearXNG's JSON shape, or 403 when `jsonFormat` is off (an instance without `json` in
    /// `search.formats`); without `format=json` it answers an HTML page.
    static func searXNGRouter(script: FakeScript<FakeSearchReply>, jsonFormat: Bool) -> Router<BasicRequestContext> {
        let router = Router()
        @Sendable func search(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
            let recorded = try await LocalHTTPServer.record(request)
            guard recorded.query["format"] == "json" else {
                script.record(recorded)
                return LocalHTTPServer.response(status: 200, contentType: "text/html; charset=utf-8",
                                                body: "<!DOCTYPE html><html><body><p>SearXNG</p></body></html>")
            }
            guard jsonFormat else {
                script.record(recorded)
                return LocalHTTPServer.response(status: 403, contentType: "text/html; charset=utf-8",
                                                body: "<!doctype html><title>403 Forbidden</title><h1>Forbidden</h1>")
            }
            return Self.answer(recorded, script: script) { Self.searXNGBody($0, query: recorded.query["q"] ?? "") }
        }
        router.get("/search", use: search)
        router.get("/", use: search)
        return router
    }

    /// SearXNG's JSON answer for `results`.
    static func searXNGBody(_ results: [WebSearchResult], query: String) -> JSONValue {
        let items: [JSONValue] = results.enumerated().map { index, result in
            ["url": .string(result.url), "title": .string(result.title), "content": .string(result.snippet),
             "publishedDate": result.published.map(JSONValue.string) ?? .null, "thumbnail": "", "engine": "duckduckgo",
             "engines": ["duckduckgo", "brave"], "positions": [.number(Double(index + 1))], "score": .number(Double(results.count - index)),
             "category": "general", "template": "default.html"]
        }
        return ["query": .string(query), "number_of_results": 0, "results": .array(items), "answers": [], "corrections": [],
                "infoboxes": [], "suggestions": [], "unresponsive_engines": []]
    }
}

/// Runs `body` against a fake SearXNG instance (``FakeSearchServer``) serving `replies`, then
/// `fallback` for every later search, then shuts it down (also when `body` throws). With
/// `jsonFormat: false` the instance refuses `format=json` with 403, as SearXNG does when `json` is
/// not in its `search.formats`.
public func withFakeSearXNGServer<T>(
    replies: [FakeSearchReply] = [], fallback: FakeSearchReply? = nil, jsonFormat: Bool = true,
    _ body: (FakeSearchServer) async throws -> T
) async throws -> T {
    let script = FakeScript(replies: replies, fallback: fallback)
    return try await FakeSearchServer.with(script: script, router: FakeSearchServer.searXNGRouter(script: script, jsonFormat: jsonFormat), body)
}

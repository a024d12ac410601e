import AsyncHTTPClient
import AviaryCore
import AviaryModels
import AviaryTesting
import Foundation
import Hummingbird
import NIOCore

/// A SearXNG-style search server on 127.0.0.1 (`GET /search?q=…&format=json`) answering every
/// query with the same fictional results, and a `web_search` tool over it with the contract of
/// Aviary's web search tool (`{query, max_results?}` → `{query, provider, results: [{title, url,
/// snippet, published?}]}`): the stand-in the support swarm's case 03 is recorded through while
/// the real tool is not in this build.
enum FakeSearXNG {
    /// The results every query gets (fictional, for the example).
    static let results: [JSONValue] = [
        ["title": "Stone card machine fees explained (example result)", "url": "https://example.com/stone/fees",
         "content": "Fictional search result for the Aviary example: Stone's card machine charges debit 1.45%, credit à vista 3.29% and 2–12 instalments from 5.59% to 12.99%; money from card sales arrives the next business day (D+1) by default.",
         "publishedDate": "2025-05-02"],
        ["title": "Stone machine plans: rent or buy (example result)", "url": "https://example.com/stone/plans",
         "content": "Fictional search result for the Aviary example: Stone's card machines are rented from R$ 29.90 per month, with no purchase option on the basic plan; same-day settlement costs 0.99% more per sale.",
         "publishedDate": "2025-04-18"],
        ["title": "How to compare acquirers (example result)", "url": "https://example.com/guides/compare-acquirers",
         "content": "Fictional search result for the Aviary example: compare the fee for your payment mix, when the money is available and the machine's cost, not the headline rate alone."],
    ]

    /// Runs the server for the duration of `body`, with its `/search` URL.
    static func withServer<T>(_ body: (String) async throws -> T) async throws -> T {
        let router = Router()
        router.get("/search") { request, _ -> Response in
            let query = request.uri.queryParameters["q"].map(String.init) ?? ""
            let answer: JSONValue = ["query": .string(query), "number_of_results": .number(Double(results.count)), "results": .array(results)]
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: answer.jsonString)))
        }
        return try await LocalHTTPServer.run(router: router) { port in try await body("http://127.0.0.1:\(port)/search") }
    }

    /// The stand-in `web_search` tool, querying the server at `url` through `transport`.
    struct WebSearchTool: Tool {
        let url: String
        let transport: any HTTPTransport

        var spec: ToolSpec {
            ToolSpec(name: "web_search", description: "Searches the web for current, public information. Returns titles, URLs and snippets; cite the URL.",
                     parameters: ["type": "object",
                                  "properties": ["query": ["type": "string", "description": "What to search for."],
                                                 "max_results": ["type": "integer", "minimum": 1, "maximum": 10, "description": "How many results (default 5)."]],
                                  "required": ["query"], "additionalProperties": false])
        }

        var policy: ToolPolicy { ToolPolicy(timeout: 15, idempotent: true) }

        func call(arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
            let query = arguments["query"]?.stringValue ?? ""
            let limit = arguments["max_results"]?.intValue ?? 5
            let encoded = query.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? query
            let response = try await transport.send(HTTPRequestData(method: "GET", url: "\(url)?q=\(encoded)&format=json"))
            let body = try JSONValue(parsing: response.body)
            let results: [JSONValue] = (body["results"]?.arrayValue ?? []).prefix(limit).map { hit in
                var o: [String: JSONValue] = ["title": hit["title"] ?? "", "url": hit["url"] ?? "", "snippet": hit["content"] ?? ""]
                if let published = hit["publishedDate"] { o["published"] = published }
                return .object(o)
            }
            return ToolOutput(["query": .string(query), "provider": "searxng", "results": .array(results)])
        }
    }
}

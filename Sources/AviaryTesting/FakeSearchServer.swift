import AviaryCore
import Hummingbird

/// A real HTTP server on 127.0.0.1 (ephemeral port) speaking a web search engine's API from a script
/// of ``FakeSearchReply``s: SearXNG's JSON API (``withFakeSearXNGServer(replies:fallback:jsonFormat:_:)``)
/// or the Brave Search API (``withFakeBraveServer(apiKey:replies:fallback:_:)``).
///
/// Every request is recorded. A search with no reply left gets the script's fallback, or a 500 and
/// an entry in ``failures`` without one. Requests the engine refuses by itself (SearXNG's JSON
/// format switched off, a wrong Brave key) are answered as the engine does and use no reply.
public final class FakeSearchServer: Sendable {
    /// The bound port.
    public let port: Int
    /// The root to configure a provider with: SearXNG's base URL, or Brave's API root.
    public let baseURL: String
    /// The script: replies, recorded requests and failures.
    public let script: FakeScript<FakeSearchReply>

    init(port: Int, script: FakeScript<FakeSearchReply>) {
        self.port = port
        self.baseURL = "http://127.0.0.1:\(port)"
        self.script = script
    }

    /// Every request received so far.
    public var requests: [FakeRecordedRequest] { script.requests }
    /// Unexpected requests (no scripted reply left); a passing test expects this to be empty.
    public var failures: [String] { script.failures }

    /// Appends replies to the script.
    public func enqueue(_ replies: FakeSearchReply...) {
        for reply in replies { script.enqueue(reply) }
    }

    /// Takes the next reply for a recorded search and renders it with `results` (the engine's
    /// 200 body for a list of results).
    static func answer(_ recorded: FakeRecordedRequest, script: FakeScript<FakeSearchReply>,
                       results: ([WebSearchResult]) -> JSONValue) -> Response {
        let (number, reply) = script.take(recorded)
        switch reply {
        case nil:
            return LocalHTTPServer.response(status: 500, contentType: "application/json",
                                            body: #"{"error": "FakeSearchServer: unexpected request #\#(number), no scripted reply left"}"#)
        case .results(let list)?:
            return LocalHTTPServer.response(status: 200, contentType: "application/json", body: results(list).jsonString)
        case .error(let status, let body, let headers)?:
            return LocalHTTPServer.response(status: status, contentType: "application/json", body: body, headers: headers)
        case .garbage(let text)?:
            return LocalHTTPServer.response(status: 200, contentType: "application/json", body: text)
        }
    }

    /// Runs `body` against a server on `router(script)`, then shuts it down (also when `body` throws).
    static func with<T>(script: FakeScript<FakeSearchReply>, router: Router<BasicRequestContext>,
                        _ body: (FakeSearchServer) async throws -> T) async throws -> T {
        try await LocalHTTPServer.run(router: router) { port in
            try await body(FakeSearchServer(port: port, script: script))
        }
    }
}

import AviaryCore
import Hummingbird

/// A real HTTP server on 127.0.0.1 (ephemeral port) speaking the Anthropic Messages API from a
/// script of ``FakeReply``s: `POST /v1/messages`, answered as JSON or, when the request sets
/// `"stream": true`, as the named SSE events (`message_start`, `content_block_*`, `message_delta`,
/// `message_stop`, with a `ping`). Errors use Anthropic's `{"type":"error","error":{…}}` shape.
///
/// Every request is recorded; a request with no reply left gets a 500 and is listed in ``failures``.
/// Use ``withFakeAnthropicServer(replies:_:)``, which always shuts the server down.
public final class FakeAnthropicServer: Sendable {
    /// The bound port.
    public let port: Int
    /// The script: replies, recorded requests and failures.
    public let script: FakeServerScript

    init(port: Int, script: FakeServerScript) {
        self.port = port
        self.script = script
    }

    /// The API root to configure an adapter with: `http://127.0.0.1:<port>`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    /// Every request received so far.
    public var requests: [FakeRecordedRequest] { script.requests }
    /// The JSON bodies of the requests received so far.
    public var requestBodies: [JSONValue] { script.requests.compactMap(\.body) }
    /// Unexpected requests (no scripted reply left); a passing test expects this to be empty.
    public var failures: [String] { script.failures }

    /// Appends replies to the script.
    public func enqueue(_ replies: FakeReply...) {
        for reply in replies { script.enqueue(reply) }
    }

    /// Builds the router for a script.
    static func router(script: FakeServerScript) -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/v1/messages") { request, _ -> Response in
            let recorded = try await LocalHTTPServer.record(request)
            let (number, reply) = script.take(recorded)
            guard let reply else {
                return LocalHTTPServer.response(status: 500, contentType: "application/json",
                                                body: Self.errorBody("FakeAnthropicServer: unexpected request "
                                                    + "#\(number), no scripted reply left", type: "api_error"))
            }
            return Self.render(reply, for: recorded, number: number)
        }
        return router
    }

    private static func render(_ reply: FakeReply, for request: FakeRecordedRequest, number: Int) -> Response {
        let model = request.body?["model"]?.stringValue ?? "fake-claude"
        let id = "msg_fake_\(number)"
        switch reply {
        case .error(let status, let body, let retryAfter):
            return LocalHTTPServer.response(status: status, contentType: "application/json", body: body,
                                            retryAfter: retryAfter)
        case .garbage(let text):
            return LocalHTTPServer.response(status: 200,
                                            contentType: request.isStreaming ? "text/event-stream" : "application/json",
                                            body: text)
        case .streamError(let type, let message):
            let body = errorBody(message, type: type)
            guard request.isStreaming else {
                return LocalHTTPServer.response(status: 200, contentType: "application/json", body: body)
            }
            let start = Self.events(for: .text("", usage: FakeUsage()), id: id, model: model).prefix(1)
            return LocalHTTPServer.eventStream(start.map(Self.frame) + ["event: error\ndata: \(body)\n\n"])
        case .text, .toolCalls:
            if request.isStreaming {
                return LocalHTTPServer.eventStream(Self.events(for: reply, id: id, model: model).map(Self.frame))
            }
            return LocalHTTPServer.response(status: 200, contentType: "application/json",
                                            body: Self.message(for: reply, id: id, model: model).jsonString)
        }
    }

    private static func frame(_ event: JSONValue) -> String {
        "event: \(event["type"]?.stringValue ?? "message")\ndata: \(event.jsonString)\n\n"
    }

    /// An error body in this provider's shape, for scripting `.error` replies.
    public static func errorBody(_ message: String, type: String) -> String {
        JSONValue.object(["type": "error", "error": ["type": .string(type), "message": .string(message)]]).jsonString
    }
}

/// Runs `body` against a ``FakeAnthropicServer`` serving `replies`, then shuts the server down
/// (also when `body` throws).
public func withFakeAnthropicServer<T>(
    replies: [FakeReply] = [], _ body: (FakeAnthropicServer) async throws -> T
) async throws -> T {
    let script = FakeServerScript(replies: replies)
    return try await LocalHTTPServer.run(router: FakeAnthropicServer.router(script: script)) { port in
        try await body(FakeAnthropicServer(port: port, script: script))
    }
}

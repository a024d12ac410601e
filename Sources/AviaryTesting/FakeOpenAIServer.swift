import AviaryCore
import Hummingbird

/// A real HTTP server on 127.0.0.1 (ephemeral port) speaking the OpenAI Chat Completions protocol
/// from a script of ``FakeReply``s: `POST /v1/chat/completions` (JSON or `text/event-stream` when the
/// request sets `"stream": true`, with tool-call arguments split across chunks and a final usage chunk
/// when `stream_options.include_usage` is set) and `GET /v1/models`.
///
/// Every request is recorded; a request with no reply left gets a 500 and is listed in ``failures``.
/// Use ``withFakeOpenAIServer(replies:models:_:)``, which always shuts the server down.
public final class FakeOpenAIServer: Sendable {
    /// The bound port.
    public let port: Int
    /// The script: replies, recorded requests and failures.
    public let script: FakeServerScript

    init(port: Int, script: FakeServerScript) {
        self.port = port
        self.script = script
    }

    /// The API root to configure an adapter with: `http://127.0.0.1:<port>/v1`.
    public var baseURL: String { "http://127.0.0.1:\(port)/v1" }
    /// Every request received so far (including `GET /v1/models`).
    public var requests: [FakeRecordedRequest] { script.requests }
    /// The JSON bodies of the chat completion requests received so far.
    public var requestBodies: [JSONValue] {
        script.requests.filter { $0.path.hasSuffix("/chat/completions") }.compactMap(\.body)
    }
    /// Unexpected requests (no scripted reply left); a passing test expects this to be empty.
    public var failures: [String] { script.failures }

    /// Appends replies to the script.
    public func enqueue(_ replies: FakeReply...) {
        for reply in replies { script.enqueue(reply) }
    }

    /// Builds the router for a script.
    static func router(script: FakeServerScript, models: [String]) -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/v1/chat/completions") { request, _ -> Response in
            let recorded = try await LocalHTTPServer.record(request)
            let (number, reply) = script.take(recorded)
            guard let reply else {
                return LocalHTTPServer.response(status: 500, contentType: "application/json",
                                                body: Self.errorBody("FakeOpenAIServer: unexpected request #\(number), "
                                                    + "no scripted reply left", type: "fake_server_error"))
            }
            return Self.render(reply, for: recorded, number: number)
        }
        router.get("/v1/models") { request, _ -> Response in
            script.record(try await LocalHTTPServer.record(request))
            let data: [JSONValue] = models.map {
                ["id": .string($0), "object": "model", "created": 1_700_000_000, "owned_by": "aviary"]
            }
            return LocalHTTPServer.response(status: 200, contentType: "application/json",
                                            body: JSONValue.object(["object": "list", "data": .array(data)]).jsonString)
        }
        return router
    }

    private static func render(_ reply: FakeReply, for request: FakeRecordedRequest, number: Int) -> Response {
        let model = request.body?["model"]?.stringValue ?? "fake-model"
        let id = "chatcmpl-fake-\(number)"
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
            if request.isStreaming { return LocalHTTPServer.eventStream(["data: \(body)\n\n"]) }
            return LocalHTTPServer.response(status: 200, contentType: "application/json", body: body)
        case .text, .toolCalls:
            if request.isStreaming {
                let usage = request.body?["stream_options"]?["include_usage"]?.boolValue == true
                return LocalHTTPServer.eventStream(
                    Self.chunks(for: reply, id: id, model: model, includeUsage: usage).map { "data: \($0.jsonString)\n\n" }
                        + ["data: [DONE]\n\n"])
            }
            return LocalHTTPServer.response(status: 200, contentType: "application/json",
                                            body: Self.completion(for: reply, id: id, model: model).jsonString)
        }
    }

    /// An error body in this provider's shape, for scripting `.error` replies.
    public static func errorBody(_ message: String, type: String) -> String {
        JSONValue.object(["error": ["message": .string(message), "type": .string(type), "param": nil, "code": nil]])
            .jsonString
    }
}

/// Runs `body` against a ``FakeOpenAIServer`` serving `replies`, then shuts the server down
/// (also when `body` throws). `models` are listed by `GET /v1/models`.
public func withFakeOpenAIServer<T>(
    replies: [FakeReply] = [], models: [String] = ["fake-model"],
    _ body: (FakeOpenAIServer) async throws -> T
) async throws -> T {
    let script = FakeServerScript(replies: replies)
    return try await LocalHTTPServer.run(router: FakeOpenAIServer.router(script: script, models: models)) { port in
        try await body(FakeOpenAIServer(port: port, script: script))
    }
}

import AviaryCore
import Hummingbird
import Synchronization

/// A real HTTP server on 127.0.0.1 (ephemeral port) speaking OpenAI's embeddings protocol
/// (`POST /v1/embeddings`, `input` a string or an array, `data[].embedding` floats with their
/// `index`), its vectors from a ``HashingEmbeddingModel``. `statuses` scripts failures: the n-th
/// request answers `statuses[n]` when present and not 200 (429s carry `Retry-After: 0`). With
/// `downAfter`, every request after that many answers 500 (a server that died mid-job).
public final class FakeEmbeddingServer: Sendable {
    /// The bound port.
    public let port: Int
    private let log: Log

    /// The requests, shared by the router and the server's owner.
    final class Log: Sendable {
        let entries = Mutex<[FakeRecordedRequest]>([])
    }

    init(port: Int, log: Log) {
        self.port = port
        self.log = log
    }

    /// The API root: `http://127.0.0.1:<port>/v1`.
    public var baseURL: String { "http://127.0.0.1:\(port)/v1" }
    /// The embedding requests received so far.
    public var requests: [FakeRecordedRequest] { log.entries.withLock { $0 } }

    /// Runs a server for the duration of `body`.
    public static func with<T>(model: HashingEmbeddingModel = HashingEmbeddingModel(), statuses: [Int: Int] = [:], downAfter: Int? = nil,
                               _ body: (FakeEmbeddingServer) async throws -> T) async throws -> T {
        let received = Log()
        let router = Router()
        router.post("/v1/embeddings") { request, _ -> Response in
            let recorded = try await LocalHTTPServer.record(request)
            let number = received.entries.withLock { $0.append(recorded); return $0.count }
            if let status = statuses[number], status != 200 {
                return LocalHTTPServer.response(status: status, contentType: "application/json",
                                                body: #"{"error":{"message":"scripted failure","type":"server_error"}}"#,
                                                retryAfter: status == 429 ? "0" : nil)
            }
            if let downAfter, number > downAfter {
                return LocalHTTPServer.response(status: 500, contentType: "application/json",
                                                body: #"{"error":{"message":"the model crashed","type":"server_error"}}"#)
            }
            let texts: [String]
            switch recorded.body?["input"] {
            case .string(let s)?: texts = [s]
            case .array(let a)?: texts = a.compactMap(\.stringValue)
            default:
                return LocalHTTPServer.response(status: 400, contentType: "application/json",
                                                body: #"{"error":{"message":"missing 'input'","type":"invalid_request_error"}}"#)
            }
            // answered in reverse order: clients must place vectors by `index`
            let data: [JSONValue] = texts.enumerated().reversed().map { i, text in
                .object(["object": "embedding", "index": .number(Double(i)),
                         "embedding": .array(model.vector(text).map { .number(Double($0)) })])
            }
            return LocalHTTPServer.response(status: 200, contentType: "application/json", body: JSONValue.object([
                "object": "list", "data": .array(data), "model": .string(recorded.body?["model"]?.stringValue ?? ""),
                "usage": ["prompt_tokens": .number(Double(texts.count)), "total_tokens": .number(Double(texts.count))],
            ]).jsonString)
        }
        return try await LocalHTTPServer.run(router: router) { port in
            try await body(FakeEmbeddingServer(port: port, log: received))
        }
    }
}

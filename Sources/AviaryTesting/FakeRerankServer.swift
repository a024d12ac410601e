import AviaryCore
import Hummingbird
import Synchronization

/// A real HTTP server on 127.0.0.1 (ephemeral port) speaking the rerank protocol of Cohere, Jina,
/// llama.cpp and vLLM (`POST /v1/rerank` with `model`, `query`, `documents`, `top_n`; answered
/// `{"results": [{"index", "relevance_score"}]}` best first) or, with `shape: .tei`, Hugging Face
/// TEI's answer (a top-level array of `{"index", "score"}`). A document's score is the share of the
/// query's distinct words it contains (``score(query:document:)``), so tests know the order.
///
/// `statuses` scripts failures: the n-th request (from 1) answers `statuses[n]` when present and not
/// 200 (429s carry `Retry-After: 0`). `bodies` scripts the n-th answer's raw JSON (bad indexes,
/// missing documents). Every request is recorded.
public final class FakeRerankServer: Sendable {
    /// The answer's JSON shape.
    public enum Shape: Sendable {
        /// `{"results": [{"index", "relevance_score"}]}` (Cohere, Jina, llama.cpp, vLLM).
        case results
        /// `[{"index", "score"}]` (Hugging Face text-embeddings-inference).
        case tei
    }

    /// The bound port.
    public let port: Int
    private let log: Log

    final class Log: Sendable {
        let entries = Mutex<[FakeRecordedRequest]>([])
    }

    init(port: Int, log: Log) {
        self.port = port
        self.log = log
    }

    /// The API root: `http://127.0.0.1:<port>/v1`.
    public var baseURL: String { "http://127.0.0.1:\(port)/v1" }
    /// The rerank requests received so far.
    public var requests: [FakeRecordedRequest] { log.entries.withLock { $0 } }

    /// The fake's relevance rule: the share of the query's distinct words (lowercased letters and
    /// digits, three characters or more) that the document contains, from 0 to 1.
    public static func score(query: String, document: String) -> Double {
        let wanted = words(query)
        guard !wanted.isEmpty else { return 0 }
        return Double(wanted.intersection(words(document)).count) / Double(wanted.count)
    }

    private static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init).filter { $0.count >= 3 })
    }

    /// Runs a server for the duration of `body`.
    public static func with<T>(shape: Shape = .results, statuses: [Int: Int] = [:], bodies: [Int: String] = [:],
                               _ body: (FakeRerankServer) async throws -> T) async throws -> T {
        let received = Log()
        let router = Router()
        router.post("/v1/rerank") { request, _ -> Response in
            let recorded = try await LocalHTTPServer.record(request)
            let number = received.entries.withLock { $0.append(recorded); return $0.count }
            if let status = statuses[number], status != 200 {
                return LocalHTTPServer.response(status: status, contentType: "application/json",
                                                body: #"{"error":{"message":"scripted failure","type":"server_error"}}"#,
                                                retryAfter: status == 429 ? "0" : nil)
            }
            if let scripted = bodies[number] { return LocalHTTPServer.response(status: 200, contentType: "application/json", body: scripted) }
            guard let query = recorded.body?["query"]?.stringValue, let documents = recorded.body?["documents"]?.arrayValue?.compactMap(\.stringValue) else {
                return LocalHTTPServer.response(status: 400, contentType: "application/json",
                                                body: #"{"error":{"message":"expected query and documents","type":"invalid_request_error"}}"#)
            }
            let topN = recorded.body?["top_n"]?.intValue ?? documents.count
            let ranked = documents.enumerated().map { ($0.offset, FakeRerankServer.score(query: query, document: $0.element)) }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(topN)
            let answer: JSONValue
            switch shape {
            case .results:
                answer = ["model": .string(recorded.body?["model"]?.stringValue ?? ""),
                          "results": .array(ranked.map { item -> JSONValue in ["index": .number(Double(item.0)), "relevance_score": .number(item.1)] })]
            case .tei:
                answer = .array(ranked.map { item -> JSONValue in ["index": .number(Double(item.0)), "score": .number(item.1)] })
            }
            return LocalHTTPServer.response(status: 200, contentType: "application/json", body: answer.jsonString)
        }
        return try await LocalHTTPServer.run(router: router) { port in
            try await body(FakeRerankServer(port: port, log: received))
        }
    }
}

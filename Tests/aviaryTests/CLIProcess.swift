import Foundation

/// Runs the built `aviary` executable as a child process.
struct CLIProcess {
    static var packageRoot: URL {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir
    }

    /// The `aviary` binary next to the test bundle (same build folder).
    static var binary: URL? {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("aviary"),
            packageRoot.appendingPathComponent(".build/debug/aviary"),
        ].compactMap { $0 }
        for c in candidates where FileManager.default.isExecutableFile(atPath: c.path) { return c }
        let build = packageRoot.appendingPathComponent(".build")
        let found = (try? FileManager.default.subpathsOfDirectory(atPath: build.path))?
            .first { $0.hasSuffix("/debug/aviary") && !$0.contains(".dSYM") }
        return found.map { build.appendingPathComponent($0) }
    }

    let process = Process()
    /// Finishes when the process has exited (its termination handler), so waiting for it suspends
    /// the test instead of blocking one of the few threads of Swift's pool: tests waiting on
    /// processes in parallel must not starve the fake servers those processes talk to.
    private let exited: AsyncStream<Void>
    // Files, not pipes: nothing to drain while the child runs, and no EINTR-prone blocking reads.
    let outputFile: URL
    let errorFile: URL

    init(_ arguments: [String], environment: [String: String]) throws {
        guard let binary = Self.binary else { throw CLIError(message: "aviary binary not found; run `swift build` first") }
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for key in ["OPENAI_API_KEY", "ANTHROPIC_API_KEY", "OPENAI_BASE_URL", "ANTHROPIC_BASE_URL", "AVIARY_MODEL", "AVIARY_HOME",
                    "AVIARY_DATABASE_URL", "AVIARY_DATABASE_PATH"] { env[key] = nil }
        env.merge(environment) { _, new in new }
        process.environment = env
        let (exited, exit) = AsyncStream<Void>.makeStream()
        self.exited = exited
        process.terminationHandler = { _ in exit.finish() }
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("aviary-cli-\(UUID().uuidString)")
        outputFile = base.appendingPathExtension("out")
        errorFile = base.appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
    }

    func start() throws { try process.run() }

    /// Waits for exit and returns (status, stdout, stderr).
    func finish() async -> (Int32, String, String) {
        for await _ in exited {}
        process.waitUntilExit()
        let out = (try? Data(contentsOf: outputFile)) ?? Data()
        let err = (try? Data(contentsOf: errorFile)) ?? Data()
        try? FileManager.default.removeItem(at: outputFile)
        try? FileManager.default.removeItem(at: errorFile)
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    /// Runs to completion.
    /// Waits until a started `aviary serve` reports its port (`listening on port N` on stderr);
    /// throws when the process ends first.
    func listeningPort() async throws -> Int {
        var port: Int?
        _ = try await eventually {
            let text = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.contains("listening on port") }) {
                port = Int(line.split(separator: " ").last ?? "")
            }
            return port != nil || !process.isRunning
        }
        guard let port else { throw CLIError(message: "the server ended without reporting its port") }
        return port
    }

    static func run(_ arguments: [String], environment: [String: String]) async throws -> (Int32, String, String) {
        let p = try CLIProcess(arguments, environment: environment)
        try p.start()
        return await p.finish()
    }
}

struct CLIError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Polls a condition until it holds or the deadline passes.
func eventually(timeout: Duration = .seconds(30), _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(20)) // sleep-ok: polling with a deadline
    }
    return try await condition()
}

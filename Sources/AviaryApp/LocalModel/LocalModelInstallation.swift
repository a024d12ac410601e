import Dispatch
import Foundation

/// Where the embedded local model lives and whether it is installed.
///
/// `scripts/setup-local-model.sh` installs it under `<AVIARY_HOME>/local-model/`:
/// `venv/` (llama-cpp-python with its server), `model-path` (the `.gguf` file's absolute path)
/// and `READY`, written last.
public struct LocalModelInstallation: Sendable, Hashable {
    /// The `local-model` folder.
    public var root: URL

    /// The installation inside a folder (`<root>/venv`, `<root>/model-path`, …).
    public init(root: URL) {
        self.root = root
    }

    /// The installation of an Aviary home folder (default `.aviary`): `<aviaryHome>/local-model`.
    public init(aviaryHome: URL) {
        self.init(root: aviaryHome.appendingPathComponent("local-model", isDirectory: true))
    }

    /// The virtual environment's Python.
    public var python: URL { root.appendingPathComponent("venv/bin/python") }
    /// The file holding the model's path.
    public var modelPathFile: URL { root.appendingPathComponent("model-path") }
    /// The marker written when the install completed.
    public var readyMarker: URL { root.appendingPathComponent("READY") }
    /// Where the server's output is appended.
    public var serverLog: URL { root.appendingPathComponent("server.log") }

    /// True when the install completed and its Python and model file are present.
    public var isInstalled: Bool {
        let files = FileManager.default
        guard files.fileExists(atPath: readyMarker.path), files.isExecutableFile(atPath: python.path) else { return false }
        return (try? modelPath()) != nil
    }

    /// The installed model file; throws ``LocalModelError/notInstalled`` when missing.
    public func modelPath() throws(LocalModelError) -> URL {
        guard let data = FileManager.default.contents(atPath: modelPathFile.path) else {
            throw LocalModelError.notInstalled.with(
                "the local model is not installed in \(root.path): run scripts/setup-local-model.sh")
        }
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let url = URL(fileURLWithPath: path)
        guard !path.isEmpty, FileManager.default.fileExists(atPath: url.path) else {
            throw LocalModelError.notInstalled.with("the model file '\(path)' named in \(modelPathFile.path) is missing")
        }
        return url.standardizedFileURL
    }

    /// Runs the setup script with `AVIARY_HOME` set to this installation's parent folder, passing
    /// each line it prints (stdout and stderr) to `onLine`. Returns when the script exits 0;
    /// throws ``LocalModelError/setupFailed`` otherwise. Cancelling the task stops the script.
    public func install(script: URL, onLine: @escaping @Sendable (String) -> Void) async throws {
        var environment = ProcessInfo.processInfo.environment
        environment["AVIARY_HOME"] = root.deletingLastPathComponent().path
        let status: Int32
        do {
            status = try await LoggedProcess.run(URL(fileURLWithPath: "/bin/bash"), [script.path], environment: environment, onLine: onLine)
        } catch let error as LoggedProcess.LaunchError {
            throw LocalModelError.setupFailed.with("could not run \(script.path): \(error.underlying)")
        }
        guard status == 0 else {
            throw LocalModelError.setupFailed.with("\(script.path) exited with status \(status)")
        }
    }
}

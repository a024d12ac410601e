import Foundation
import Synchronization
import Testing

@testable import AviaryApp

@Suite struct LocalModelInstallationTests {
    /// A fake setup script that lays out an installation the way the real one does.
    static let fakeSetup = """
        set -euo pipefail
        DIR="$AVIARY_HOME/local-model"
        mkdir -p "$DIR/venv/bin"
        echo "==> creating venv"
        printf '#!/bin/sh\\n' > "$DIR/venv/bin/python"
        chmod +x "$DIR/venv/bin/python"
        echo "progress on stderr" >&2
        : > "$DIR/model.gguf"
        printf '%s\\n' "$DIR/model.gguf" > "$DIR/model-path"
        date > "$DIR/READY"
        printf 'done, no newline'
        """

    func temporaryHome() throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("aviary-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        return home
    }

    @Test func layoutAndMissingInstall() throws {
        let home = try temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let installation = LocalModelInstallation(aviaryHome: home)
        #expect(installation.root.lastPathComponent == "local-model")
        #expect(installation.python.path.hasSuffix("local-model/venv/bin/python"))
        #expect(!installation.isInstalled)
        #expect(throws: LocalModelError.notInstalled) { try installation.modelPath() }
        #expect(throws: LocalModelError.notInstalled) { try LocalModelServer.Configuration(installation: installation) }
    }

    @Test func installRunsTheScriptAndStreamsItsLines() async throws {
        let home = try temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let script = home.appendingPathComponent("setup.sh")
        try Self.fakeSetup.write(to: script, atomically: true, encoding: .utf8)
        let installation = LocalModelInstallation(aviaryHome: home)
        let lines = Mutex<[String]>([])

        try await installation.install(script: script) { line in lines.withLock { $0.append(line) } }

        let seen = lines.withLock { $0 }
        #expect(seen.contains("==> creating venv"))
        #expect(seen.contains("progress on stderr"))
        #expect(seen.last == "done, no newline")
        #expect(installation.isInstalled)
        let model = try installation.modelPath()
        #expect(model.lastPathComponent == "model.gguf")

        let configuration = try LocalModelServer.Configuration(installation: installation)
        let command = configuration.command(4321)
        #expect(command.executable == installation.python)
        #expect(command.arguments == ["-m", "llama_cpp.server", "--model", model.path, "--host", "127.0.0.1",
                                      "--port", "4321", "--n_ctx", "4096"])
        #expect(configuration.logFile == installation.serverLog)
    }

    @Test func failingScriptThrows() async throws {
        let home = try temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let script = home.appendingPathComponent("setup.sh")
        try "echo boom; exit 7".write(to: script, atomically: true, encoding: .utf8)
        let lines = Mutex<[String]>([])
        await #expect(throws: LocalModelError.setupFailed) {
            try await LocalModelInstallation(aviaryHome: home).install(script: script) { line in lines.withLock { $0.append(line) } }
        }
        #expect(lines.withLock { $0 } == ["boom"])
    }
}

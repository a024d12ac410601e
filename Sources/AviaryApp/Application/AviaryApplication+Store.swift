import AviaryCore
import AviaryStorage
import Foundation

extension AviaryApplication {
    /// Opens only the project's store (no agents, no models) for `body`.
    public static func withStore<T: Sendable>(_ configuration: AviaryConfiguration, _ body: @Sendable (SQLStore) async throws -> T) async throws -> T {
        guard FileManager.default.fileExists(atPath: configuration.databasePath) else {
            throw ConfigurationError("no Aviary database at \(configuration.databasePath) yet: run `aviary chat` in this project first")
        }
        return try await SQLiteStorage.withStorage(path: configuration.databasePath) { try await body($0.store) }
    }
}

/// Installs the embedded model with progress output.
public enum LocalModelSetup {
    /// Installs into `root` (idempotent).
    public static func install(into root: URL, progress: @escaping @Sendable (String) -> Void) async throws {
        let installation = LocalModelInstallation(root: root)
        if installation.isInstalled { progress("local model already installed"); return }
        try await installation.install(script: try LocalModelSupervisor.setupScript(), onLine: progress)
    }
}

/// One-line, user-facing descriptions of errors.
public enum ErrorText {
    /// The message to print for an error.
    public static func describe(_ error: any Error) -> String {
        String(describing: error)
    }
}

import AviaryCore
import AviaryStorage
import Foundation

extension AviaryApplication {
    /// Opens only the project's store (no agents, no models) for `body`.
    public static func withStore<T: Sendable>(_ configuration: AviaryConfiguration, _ body: @Sendable (SQLStore) async throws -> T) async throws -> T {
        if configuration.databaseURL == nil, !FileManager.default.fileExists(atPath: configuration.databasePath) {
            throw ConfigurationError("no Aviary database at \(configuration.databasePath) yet: run `aviary chat` in this project first")
        }
        return try await AviaryDatabase.withDatabase(configuration.storage) { try await body($0.store) }
    }

    /// Opens the project's database, applying pending migrations (`aviary migrate`).
    public static func migrate(_ configuration: AviaryConfiguration) async throws -> MigrationReport {
        try await AviaryDatabase.withDatabase(configuration.storage) { database in
            MigrationReport(database: database.displayName, applied: database.appliedMigrations,
                            current: AviaryMigrations.all.last?.name ?? "")
        }
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

import AviaryStorage
import Foundation
import SQLKit

/// A database of its own on the PostgreSQL test server (`AVIARY_TEST_POSTGRES_URL`), dropped afterwards.
public enum FreshPostgresDatabase {
    /// The test server's URL, when configured.
    public static var serverURL: String? {
        guard let url = ProcessInfo.processInfo.environment["AVIARY_TEST_POSTGRES_URL"], !url.isEmpty else { return nil }
        return url
    }

    /// Creates an empty database, runs `body` with its URL, then drops it.
    public static func with<T>(_ body: (String) async throws -> T) async throws -> T {
        guard let serverURL, var components = URLComponents(string: serverURL) else {
            throw Unavailable(description: "AVIARY_TEST_POSTGRES_URL is not set")
        }
        let name = "cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        components.path = "/\(name)"
        guard let url = components.string else { throw Unavailable(description: "cannot build a database URL from \(serverURL)") }
        let admin = try await PostgresStorage.open(.init(url: serverURL, maxConnectionsPerEventLoop: 1), migrate: false)
        do {
            try await admin.store.database.raw("CREATE DATABASE \(ident: name)").run()
            let result = try await body(url)
            try await admin.store.database.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run()
            try await admin.close()
            return result
        } catch {
            _ = try? await admin.store.database.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run()
            try? await admin.close()
            throw error
        }
    }
}

extension FreshPostgresDatabase {
    /// The test server is not configured or its URL is unusable.
    public struct Unavailable: Error, CustomStringConvertible {
        /// What is missing.
        public let description: String
    }
}

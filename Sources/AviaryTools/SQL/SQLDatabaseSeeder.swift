import Foundation
import SQLiteNIO

/// Builds a SQLite database file from a `.sql` script (schema and seed rows), as example projects do.
///
/// The script runs statement by statement (see ``SQLScriptSplitter``) into a temporary file next to
/// the destination, which then atomically replaces the destination: readers never see a
/// half-built database, and a failed script leaves the previous file untouched.
public struct SQLDatabaseSeeder: Sendable {
    /// Creates or overwrites the database at `databaseAt` from the script in `sqlFile`.
    ///
    /// - Throws: ``SQLToolError/seedFailed(_:)`` naming the script, statement number and line.
    public static func seed(databaseAt databaseURL: URL, sqlFile: URL) async throws {
        let script: String
        do {
            script = try String(contentsOf: sqlFile, encoding: .utf8)
        } catch {
            throw SQLToolError.seedFailed("cannot read seed script '\(sqlFile.path)': \(error.localizedDescription)")
        }
        try await seed(databaseAt: databaseURL, sql: script, scriptName: sqlFile.lastPathComponent)
    }

    /// Creates or overwrites the database at `databaseAt` from SQL text.
    ///
    /// - Throws: ``SQLToolError/seedFailed(_:)`` naming the statement number and line.
    public static func seed(databaseAt databaseURL: URL, sql script: String, scriptName: String = "script") async throws {
        let statements: [SQLScriptSplitter.Statement]
        do {
            statements = try SQLScriptSplitter.split(script)
        } catch {
            throw SQLToolError.seedFailed("\(scriptName): \(error.message)")
        }
        let destination = databaseURL.standardizedFileURL
        let directory = destination.deletingLastPathComponent()
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw SQLToolError.seedFailed("cannot create directory '\(directory.path)': \(error.localizedDescription)")
        }
        let temporary = directory.appendingPathComponent(".\(destination.lastPathComponent).seeding-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: temporary) }
        let connection = try await SQLiteConnection.open(storage: .file(path: temporary.path))
        do {
            _ = try await connection.query("PRAGMA synchronous = OFF", [])
            for (number, statement) in statements.enumerated() {
                do {
                    _ = try await connection.query(statement.text, [])
                } catch let error as SQLiteError {
                    throw SQLToolError.seedFailed("""
                        \(scriptName): statement \(number + 1) (line \(statement.line)) failed: \(error.message): \
                        \(statement.text.prefix(80))
                        """)
                }
            }
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
        for suffix in ["-journal", "-wal", "-shm"] {
            try? fm.removeItem(atPath: destination.path + suffix)
        }
        guard rename(temporary.path, destination.path) == 0 else {
            throw SQLToolError.seedFailed("cannot move the new database into place at '\(destination.path)' (errno \(errno))")
        }
    }
}

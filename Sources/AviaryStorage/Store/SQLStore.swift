import AviaryCore
import Foundation
import SQLKit

/// Aviary's store over SQLKit: runs, journal, events, sessions and transcripts.
/// One implementation for SQLite and PostgreSQL; every query that reads user data filters by tenant.
public struct SQLStore: RunStore, SessionStore {
    /// The database.
    public let database: any SQLDatabase

    /// Wraps a migrated database.
    public init(database: any SQLDatabase) {
        self.database = database
    }

    func json(_ value: JSONValue?) -> String? { value?.jsonString }

    func parseJSON(_ text: String?, _ what: String) throws -> JSONValue? {
        guard let text else { return nil }
        do { return try JSONValue(parsing: text) } catch { throw StorageError.corrupt("\(what): \(error)") }
    }

    static func date(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }
}

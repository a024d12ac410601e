import AviaryCore
import Foundation
import SQLiteNIO

/// One lazily opened, reused connection to a SQLite file that cannot write.
///
/// Three independent guards make the connection read-only, so a statement that slipped past
/// load-time validation still cannot change anything:
/// 1. the file is opened through a `file:…?mode=ro` URI (SQLiteNIO opens with `SQLITE_OPEN_URI`
///    but exposes no open flags), which is the same as `SQLITE_OPEN_READONLY`;
/// 2. `PRAGMA query_only = ON`;
/// 3. an authorizer that allows only reads, selects, recursive CTEs and the functions of
///    ``SQLFunctionAllowlist`` and denies everything else at prepare time (writes, DDL, `ATTACH`,
///    `PRAGMA`, transactions, `load_extension`, `fts3_tokenizer`).
///
/// The connection opens on first use; concurrent callers share it (SQLite serialises access).
/// ``close()`` closes it; it is also closed when the last reference goes away.
actor ReadOnlySQLiteDatabase {
    /// Absolute path of the database file.
    let path: String
    private var connection: SQLiteConnection?
    private var authorizer: SQLiteHookToken?

    /// Creates a handle; nothing is opened until the first query.
    init(path: String) {
        self.path = path
    }

    deinit {
        // The future-based close keeps the connection alive until SQLite has closed it.
        if let connection { _ = connection.close() }
    }

    /// Runs one statement with positional binds and returns its rows.
    ///
    /// - Throws: ``ToolError/notFound(_:)`` when the file does not exist; SQLite errors otherwise.
    func query(_ sql: String, _ binds: [SQLiteData]) async throws -> [SQLiteRow] {
        let connection = try await openIfNeeded()
        return try await connection.query(sql, binds)
    }

    /// Closes the connection if it is open; the next query opens a new one.
    func close() async {
        guard let connection else { return }
        self.connection = nil
        authorizer = nil
        try? await connection.close()
    }

    private func openIfNeeded() async throws -> SQLiteConnection {
        if let connection { return connection }
        guard FileSystemProbe.kind(ofPath: path, followingLinks: true) == .file else {
            throw ToolError.notFound("database file '\(path)' does not exist")
        }
        let opened = try await SQLiteConnection.open(storage: .file(path: Self.readOnlyURI(path)))
        let token: SQLiteHookToken
        do {
            _ = try await opened.query("PRAGMA query_only = ON", [])
            token = try await opened.setAuthorizerValidator(lifetime: .pinned) { event in Self.authorize(event) }
        } catch {
            try? await opened.close()
            throw error
        }
        if let connection {  // another caller opened one while this one was suspended
            try? await opened.close()
            return connection
        }
        connection = opened
        authorizer = token
        return opened
    }

    /// The authorizer policy: reads only.
    static func authorize(_ event: SQLiteAuthorizerEvent) -> SQLiteAuthorizerResponse {
        switch event.action {
        case .select, .read, .recursive: return .allow
        case .function: return SQLFunctionAllowlist.allows(event.parameter2) ? .allow : .deny
        default: return .deny
        }
    }

    /// A SQLite URI opening `path` read-only (`file:/a%3Fb/c.db?mode=ro`).
    static func readOnlyURI(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return "file:" + encoded + "?mode=ro"
    }
}

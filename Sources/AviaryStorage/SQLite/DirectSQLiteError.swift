/// An error SQLite reported: its (extended) result code and message.
public struct DirectSQLiteError: Error, CustomStringConvertible, Sendable {
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`, `SQLITE_BUSY_SNAPSHOT`, …).
    public let code: Int32
    /// SQLite's message.
    public let message: String

    public var description: String { "SQLite error \(code): \(message)" }
}

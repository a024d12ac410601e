/// A storage failure with context.
public struct StorageError: Error, Sendable, CustomStringConvertible {
    private enum Code: Sendable { case unknownSchema, corrupt, open, invalidConfiguration }
    private let code: Code
    /// What went wrong.
    public let message: String

    /// The database holds a newer schema than this build knows.
    static func unknownSchema(_ m: String) -> StorageError { StorageError(code: .unknownSchema, message: m) }
    /// A stored value could not be decoded.
    static func corrupt(_ m: String) -> StorageError { StorageError(code: .corrupt, message: m) }
    /// The database could not be opened.
    static func open(_ m: String) -> StorageError { StorageError(code: .open, message: m) }
    /// The storage settings are unusable (a malformed URL).
    static func invalidConfiguration(_ m: String) -> StorageError { StorageError(code: .invalidConfiguration, message: m) }

    /// True when the database holds a migration this build does not know (a newer Aviary wrote it).
    public var isUnknownSchema: Bool { code == .unknownSchema }

    public var description: String { message }
}

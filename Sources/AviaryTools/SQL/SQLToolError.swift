/// Why a declarative SQL tool could not be loaded or a database could not be seeded.
public struct SQLToolError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: String, Sendable { case invalidDefinition, seedFailed }
    private let code: Code
    /// Human-readable explanation, naming the tool or the script.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// A tool definition is unusable (not read-only, several statements, unknown parameter, …).
    public static func invalidDefinition(_ message: String) -> SQLToolError { SQLToolError(.invalidDefinition, message) }
    /// A seed script could not be read or one of its statements failed.
    public static func seedFailed(_ message: String) -> SQLToolError { SQLToolError(.seedFailed, message) }

    /// Stable machine-readable code: `invalid_definition` or `seed_failed`.
    public var codeName: String {
        switch code {
        case .invalidDefinition: return "invalid_definition"
        case .seedFailed: return "seed_failed"
        }
    }

    /// `code: message`.
    public var description: String { "\(codeName): \(message)" }
}

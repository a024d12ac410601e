/// Why a schema could not be prepared: it is malformed, names an unknown dialect,
/// or contains a reference that cannot be resolved.
public struct JSONSchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case invalidSchema
        case unknownDialect
        case unresolvableReference
        case unreadableDocument
    }

    private let code: Code
    /// A human-readable explanation, including the schema location where relevant.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The schema is structurally invalid (a keyword has a value of the wrong shape, a bad regex, ...).
    public var isInvalidSchema: Bool { code == .invalidSchema }
    /// `$schema` names a dialect (or custom metaschema) that is unknown or unsupported.
    public var isUnknownDialect: Bool { code == .unknownDialect }
    /// A `$ref` / `$dynamicRef` could not be resolved to a schema.
    public var isUnresolvableReference: Bool { code == .unresolvableReference }
    /// A document could not be read or parsed while filling a ``JSONSchemaRegistry``.
    public var isUnreadableDocument: Bool { code == .unreadableDocument }

    /// The message.
    public var description: String { message }

    static func invalidSchema(_ reason: String, at pointer: String) -> JSONSchemaError {
        JSONSchemaError(.invalidSchema, "invalid schema at '\(pointer.isEmpty ? "#" : pointer)': \(reason)")
    }

    static func unknownDialect(_ reason: String) -> JSONSchemaError {
        JSONSchemaError(.unknownDialect, reason)
    }

    static func unresolvableReference(_ reference: String, at pointer: String) -> JSONSchemaError {
        JSONSchemaError(.unresolvableReference,
                        "cannot resolve reference '\(reference)' at '\(pointer.isEmpty ? "#" : pointer)'")
    }

    static func unreadableDocument(_ reason: String) -> JSONSchemaError {
        JSONSchemaError(.unreadableDocument, reason)
    }
}

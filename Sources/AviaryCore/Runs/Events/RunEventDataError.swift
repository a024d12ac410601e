/// An event's `data` does not have the shape its kind's ``RunEventPayload`` type reads.
public struct RunEventDataError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Hashable {
        case notAnObject(found: String)
        case missing
        case wrongType(expected: String, found: String)
        case wrongKind(expected: RunEvent.Kind)
    }

    private let code: Code
    /// The kind of the event whose data was read.
    public let kind: RunEvent.Kind
    /// The member at fault (`nil` when the data as a whole is wrong).
    public let field: String?

    private init(_ code: Code, kind: RunEvent.Kind, field: String? = nil) {
        self.code = code
        self.kind = kind
        self.field = field
    }

    /// `data` is not a JSON object.
    static func notAnObject(_ kind: RunEvent.Kind, found: String) -> Self { Self(.notAnObject(found: found), kind: kind) }
    /// A required member is missing (or `null`).
    static func missing(_ field: String, in kind: RunEvent.Kind) -> Self { Self(.missing, kind: kind, field: field) }
    /// A member has the wrong JSON type.
    static func wrongType(_ field: String, in kind: RunEvent.Kind, expected: String, found: String) -> Self {
        Self(.wrongType(expected: expected, found: found), kind: kind, field: field)
    }
    /// The event is of another kind than the payload type asked for.
    static func wrongKind(_ kind: RunEvent.Kind, expected: RunEvent.Kind) -> Self { Self(.wrongKind(expected: expected), kind: kind) }

    /// True when a required member is missing.
    public var isMissingField: Bool { code == .missing }

    public var description: String {
        switch code {
        case .notAnObject(let found): "\(kind.rawValue) event data is \(found), not an object"
        case .missing: "\(kind.rawValue) event data lacks '\(field ?? "")'"
        case .wrongType(let expected, let found): "\(kind.rawValue) event data member '\(field ?? "")' is \(found), not \(expected)"
        case .wrongKind(let expected): "a \(kind.rawValue) event is not a \(expected.rawValue) event"
        }
    }
}

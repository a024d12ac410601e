/// A JMESPath expression that does not compile, or that fails on the document it is applied to.
///
/// The kinds are the error kinds of the JMESPath specification (and of its compliance suite).
public struct JMESPathError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The specification's error kinds.
    public enum Kind: String, Sendable, Equatable {
        /// The expression is not valid JMESPath (reported when compiling).
        case syntax
        /// A function was given an argument of the wrong type.
        case invalidType = "invalid-type"
        /// A function was given too few or too many arguments (reported when compiling).
        case invalidArity = "invalid-arity"
        /// A value is out of its domain (a slice step of 0).
        case invalidValue = "invalid-value"
        /// A function name that is not a built-in function (reported when compiling).
        case unknownFunction = "unknown-function"
    }

    /// Which kind of error this is.
    public let kind: Kind
    /// What was wrong, in one line.
    public let message: String
    /// The offset (in Unicode scalars) in the expression where the problem was found, when known.
    public let position: Int?

    /// An error of `kind` with `message`, optionally at `position` in the expression.
    public init(_ kind: Kind, _ message: String, position: Int? = nil) {
        self.kind = kind
        self.message = message
        self.position = position
    }

    /// `<kind>: <message>[ at position N]`.
    public var description: String {
        if let position { return "\(kind.rawValue): \(message) at position \(position)" }
        return "\(kind.rawValue): \(message)"
    }
}

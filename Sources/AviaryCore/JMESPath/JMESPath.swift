/// A compiled JMESPath expression (<https://jmespath.org/specification.html>).
///
/// ```swift
/// let names = try JMESPath("people[?age > `30`].name | sort(@)")
/// let result = try names.search(document)
/// ```
///
/// Compiling reports `syntax`, `unknown-function` and `invalid-arity` errors; searching reports
/// `invalid-type` (a function argument of the wrong type) and `invalid-value` (a slice step of 0).
/// A compiled expression is immutable and can be shared across tasks and searched many times.
///
/// Aviary's ``JSONValue`` objects do not keep their members' order, so wherever JMESPath walks an
/// object's members (`keys`, `values`, `*` projections) they come sorted by key, in Unicode code
/// point order: deterministic for the same document.
public struct JMESPath: Sendable, Equatable, CustomStringConvertible {
    /// The expression's source text.
    public let expression: String
    let root: JMESPathNode

    /// Compiles `expression`; throws when it is not valid JMESPath.
    public init(_ expression: String) throws(JMESPathError) {
        var lexer = JMESPathLexer(expression)
        var parser = JMESPathParser(tokens: try lexer.tokenize())
        self.expression = expression
        self.root = try parser.parse()
    }

    /// Evaluates the expression against `document`.
    public func search(_ document: JSONValue) throws(JMESPathError) -> JSONValue {
        try JMESPathInterpreter().evaluate(root, document)
    }

    /// Compiles `expression` and evaluates it against `document` in one step.
    public static func search(_ expression: String, in document: JSONValue) throws(JMESPathError) -> JSONValue {
        try JMESPath(expression).search(document)
    }

    /// The expression's source text.
    public var description: String { expression }
}

import AviaryCore

/// `aviary jmespath EXPR`: a JMESPath expression evaluated over a JSON document.
public enum JMESPathQuery {
    /// The result of `expression` over `document` (JSON bytes), as compact JSON text.
    ///
    /// Throws the ``JMESPathError`` of the expression (its description is `<kind>: <message>`), or
    /// a ``ConfigurationError`` when the document is not JSON (`source` names it in the message).
    public static func run(expression: String, document: [UInt8], source: String) throws -> String {
        let compiled = try JMESPath(expression)
        let value: JSONValue
        do { value = try JSONValue(parsing: document) } catch {
            throw ConfigurationError("invalid-document: \(source) is not JSON: \(error)")
        }
        return try compiled.search(value).jsonString
    }
}

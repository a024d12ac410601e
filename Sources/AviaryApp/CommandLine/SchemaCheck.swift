import AviaryCore

/// `aviary schema check`: a JSON instance against a JSON Schema (draft 2020-12 or draft-07).
public enum SchemaCheck {
    /// The violations of `instance` (JSON bytes) against `schema` (JSON text); empty when valid.
    /// Throws a one-line message when either is not JSON or the schema does not compile.
    public static func violations(schema: String, instance: [UInt8]) throws -> [String] {
        let compiled = try JSONSchema(parsing: schema)
        let value: JSONValue
        do { value = try JSONValue(parsing: instance) } catch { throw ConfigurationError("standard input is not JSON: \(error)") }
        return compiled.validate(value).map(\.description)
    }
}

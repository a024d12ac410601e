/// Helpers reading and checking keyword values while compiling.
extension SchemaCompiler {
    func invalid(_ b: KeywordBuilder, _ keyword: String, _ reason: String) -> JSONSchemaError {
        .invalidSchema("'\(keyword)' \(reason)", at: pointer(b.location))
    }

    /// Compiles the single subschema under `keyword`, if present.
    mutating func subschema(_ b: KeywordBuilder, _ keyword: String) throws(JSONSchemaError) -> Int? {
        guard let value = b.members[keyword] else { return nil }
        guard value.isSchemaShaped else { throw invalid(b, keyword, "must be a schema (object or boolean)") }
        return try compile(b.location.appending(keyword))
    }

    /// Compiles the array of subschemas under `keyword`, if present.
    mutating func schemaArray(_ b: KeywordBuilder, _ keyword: String,
                              allowEmpty: Bool = false) throws(JSONSchemaError) -> [Int]? {
        guard let value = b.members[keyword] else { return nil }
        guard case .array(let elements) = value, allowEmpty || !elements.isEmpty else {
            throw invalid(b, keyword, "must be a non-empty array of schemas")
        }
        var nodes: [Int] = []
        for offset in elements.indices {
            nodes.append(try compile(b.location.appending(keyword, String(offset))))
        }
        return nodes
    }

    func number(_ b: KeywordBuilder, _ keyword: String) throws(JSONSchemaError) -> Double? {
        guard let value = b.members[keyword] else { return nil }
        guard case .number(let number) = value else { throw invalid(b, keyword, "must be a number") }
        return number
    }

    /// A non-negative integer keyword (`2.0` is accepted as `2`).
    func count(_ b: KeywordBuilder, _ keyword: String) throws(JSONSchemaError) -> Int? {
        guard let number = try number(b, keyword) else { return nil }
        guard number >= 0, number.rounded() == number else {
            throw invalid(b, keyword, "must be a non-negative integer")
        }
        return number >= Double(Int.max) ? Int.max : Int(number)
    }

    func strings(_ b: KeywordBuilder, _ keyword: String, _ value: JSONValue) throws(JSONSchemaError) -> [String] {
        guard case .array(let elements) = value else { throw invalid(b, keyword, "must be an array of strings") }
        var result: [String] = []
        for element in elements {
            guard case .string(let text) = element else { throw invalid(b, keyword, "must be an array of strings") }
            result.append(text)
        }
        return result
    }

    func types(_ b: KeywordBuilder, _ value: JSONValue) throws(JSONSchemaError) -> SchemaTypes {
        let names: [String]
        if case .string(let name) = value { names = [name] } else { names = try strings(b, "type", value) }
        var result: SchemaTypes = []
        for name in names {
            guard let type = SchemaTypes.names.first(where: { $0.0 == name })?.1 else {
                throw invalid(b, "type", "has unknown type '\(name)'")
            }
            result.insert(type)
        }
        return result
    }

    func regex(_ b: KeywordBuilder, _ keyword: String, _ source: String) throws(JSONSchemaError) -> SchemaRegex {
        guard let regex = SchemaRegex(source) else {
            throw invalid(b, keyword, "has an invalid regular expression '\(source)'")
        }
        return regex
    }
}

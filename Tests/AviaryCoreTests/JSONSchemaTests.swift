import AviaryCore
import Foundation
import Testing

@Suite("JSONSchema")
struct JSONSchemaTests {
    private func schema(_ text: String, dialect: JSONSchemaDialect? = nil,
                        registry: JSONSchemaRegistry = .init()) throws -> JSONSchema {
        try JSONSchema(JSONValue(parsing: text), dialect: dialect, registry: registry)
    }

    private func json(_ text: String) throws -> JSONValue { try JSONValue(parsing: text) }

    // MARK: Violations

    @Test("type violation names the path and both types")
    func typeViolation() throws {
        let s = try schema(#"{"type":"object","properties":{"customer_id":{"type":"string"}}}"#)
        let violations = s.validate(try json(#"{"customer_id": 42}"#))
        #expect(violations == [JSONSchemaViolation(instancePath: "/customer_id", keyword: "type",
                                                   message: "/customer_id: expected string, got integer")])
        #expect(violations.first?.description == "/customer_id: expected string, got integer")
    }

    @Test("missing required property at the root has no path prefix")
    func requiredViolation() throws {
        let s = try schema(#"{"required":["customer_id","limit"]}"#)
        let violations = s.validate(try json(#"{"limit": 1}"#))
        #expect(violations.map(\.message) == ["missing required property 'customer_id'"])
        #expect(violations.first?.instancePath == "")
        #expect(violations.first?.keyword == "required")
    }

    @Test("nested paths use JSON pointer syntax with escaping")
    func nestedPaths() throws {
        let s = try schema(#"""
            {"properties": {
               "items": {"type": "array", "items": {"required": ["name"],
                         "properties": {"name": {"type": "string", "minLength": 2}}}},
               "a/b~c": {"type": "integer"}}}
            """#)
        let violations = s.validate(try json(#"{"items": [{"name": "x"}, {}], "a/b~c": 1.5}"#))
        #expect(violations.map(\.instancePath) == ["/a~1b~0c", "/items/0/name", "/items/1"])
        #expect(violations.map(\.keyword) == ["type", "minLength", "required"])
        #expect(violations[1].message == "/items/0/name: string must be at least 2 characters long")
        #expect(violations[2].message == "/items/1: missing required property 'name'")
    }

    @Test("all violations are reported, in a stable order")
    func multipleViolations() throws {
        let s = try schema(#"""
            {"type": "object", "additionalProperties": false, "required": ["id"],
             "properties": {"id": {"type": "integer", "minimum": 1}, "tag": {"enum": ["a", "b"]}}}
            """#)
        let messages = s.validate(try json(#"{"id": 0, "tag": "c", "zzz": true, "extra": null}"#)).map(\.message)
        #expect(messages == [
            "property 'extra' is not allowed",
            "/id: must be greater than or equal to 1",
            "/tag: value must be one of [\"a\", \"b\"]",
            "property 'zzz' is not allowed",
        ])
    }

    @Test("anyOf failures explain each option")
    func anyOfMessage() throws {
        let s = try schema(#"{"properties": {"note": {"anyOf": [{"type": "string"}, {"type": "null"}]}}}"#)
        let violations = s.validate(try json(#"{"note": 3}"#))
        #expect(violations.count == 1)
        #expect(violations.first?.keyword == "anyOf")
        #expect(violations.first?.message == "/note: value does not match any of the 2 anyOf schemas "
            + "(option 1: expected string, got integer; option 2: expected null, got integer)")
    }

    @Test("valid instances produce no violations")
    func validInstance() throws {
        let s = try schema(#"{"type": "array", "items": {"type": "number"}, "uniqueItems": true}"#)
        #expect(s.validate(try json("[1, 2.5, 3]")).isEmpty)
        #expect(s.isValid(try json("[1, 2.5, 3]")))
        #expect(!s.isValid(try json("[1, 1.0]")))
        #expect(s.validate(try json("[1, 1.0]")).first?.keyword == "uniqueItems")
    }

    @Test("string lengths count Unicode code points")
    func codePointLengths() throws {
        let s = try schema(#"{"maxLength": 2, "minLength": 2}"#)
        #expect(s.isValid("💩💩"))
        #expect(s.isValid("e\u{301}"))  // one grapheme, two code points
        #expect(!s.isValid("é"))
    }

    @Test("patterns are unanchored and use ECMA-262 class escapes")
    func patterns() throws {
        let s = try schema(#"{"pattern": "\\d+$"}"#)
        #expect(s.isValid("abc123"))
        #expect(!s.isValid("abc"))
        #expect(!s.isValid("\u{0967}"))  // DEVANAGARI DIGIT ONE is not \d in ECMA-262
        #expect(s.isValid(12))  // non-strings are ignored
    }

    // MARK: Dialects

    @Test("dialect comes from $schema and defaults to 2020-12")
    func dialectDetection() throws {
        #expect(try schema("{}").dialect == .draft2020_12)
        #expect(try schema(#"{"$schema": "https://json-schema.org/draft/2020-12/schema"}"#).dialect == .draft2020_12)
        #expect(try schema(#"{"$schema": "http://json-schema.org/draft-07/schema#"}"#).dialect == .draft7)
        #expect(try schema(#"{"$schema": "http://json-schema.org/draft-07/schema"}"#).dialect == .draft7)
        #expect(try schema("{}", dialect: .draft7).dialect == .draft7)
        #expect(JSONSchemaDialect(metaschemaURI: JSONSchemaDialect.draft7.metaschemaURI) == .draft7)
    }

    @Test("draft-07 ignores $ref siblings; 2020-12 applies them")
    func refSiblings() throws {
        let text = ##"{"definitions": {"s": {"type": "string"}}, "$ref": "#/definitions/s", "maxLength": 2}"##
        #expect(try schema(text, dialect: .draft7).isValid("abcdef"))
        #expect(try !schema(text).isValid("abcdef"))
        #expect(try !schema(text, dialect: .draft7).isValid(1))
    }

    @Test("draft-07 tuple items vs 2020-12 prefixItems")
    func tupleForms() throws {
        let draft7 = try schema(#"{"items": [{"type": "integer"}], "additionalItems": false}"#, dialect: .draft7)
        #expect(draft7.isValid(try json("[1]")))
        #expect(!draft7.isValid(try json("[1, 2]")))
        let modern = try schema(#"{"prefixItems": [{"type": "integer"}], "items": false}"#)
        #expect(modern.isValid(try json("[1]")))
        #expect(modern.validate(try json(#"[1, "x"]"#)).map(\.keyword) == ["items"])
    }

    @Test("unknown $schema fails fast")
    func unknownDialect() throws {
        #expect {
            try JSONSchema(["$schema": "https://example.com/my-dialect"])
        } throws: { error in
            guard let error = error as? JSONSchemaError else { return false }
            return error.isUnknownDialect && error.message.contains("https://example.com/my-dialect")
        }
        #expect {
            try JSONSchema(["$schema": "http://json-schema.org/draft-04/schema#"])
        } throws: { error in
            (error as? JSONSchemaError)?.message.contains("unsupported") == true
        }
    }

    @Test("a custom metaschema in the registry selects vocabularies")
    func customMetaschema() throws {
        var registry = JSONSchemaRegistry()
        registry.register(try json(#"""
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.com/meta",
             "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/core": true,
                             "https://json-schema.org/draft/2020-12/vocab/applicator": true}}
            """#), at: "https://example.com/meta")
        let s = try schema(#"{"$schema": "https://example.com/meta", "properties": {"a": {"minimum": 5}, "b": false}}"#,
                           registry: registry)
        #expect(s.isValid(try json(#"{"a": 1}"#)))  // validation vocabulary is off
        #expect(!s.isValid(try json(#"{"b": 1}"#)))  // applicator vocabulary is on
    }

    // MARK: Errors and references

    @Test("invalid schemas and unresolvable references throw")
    func schemaErrors() throws {
        #expect(throws: JSONSchemaError.self) { try JSONSchema(["type": 5]) }
        #expect(throws: JSONSchemaError.self) { try JSONSchema(["pattern": "("]) }
        #expect(throws: JSONSchemaError.self) { try JSONSchema(["minLength": -1]) }
        #expect(throws: JSONSchemaError.self) { try JSONSchema(42) }
        #expect {
            try JSONSchema(["properties": ["a": ["$ref": "#/$defs/missing"]]])
        } throws: { error in
            guard let error = error as? JSONSchemaError else { return false }
            return error.isUnresolvableReference && error.message.contains("#/$defs/missing")
                && error.message.contains("/properties/a")
        }
    }

    @Test("references to registry documents and bundled metaschemas resolve")
    func registryReferences() throws {
        var registry = JSONSchemaRegistry()
        registry.register(["type": "integer"], at: "https://example.com/int.json")
        let s = try schema(#"{"$id": "https://example.com/root.json", "items": {"$ref": "int.json"}}"#, registry: registry)
        #expect(s.isValid(try json("[1, 2]")))
        #expect(!s.isValid(try json(#"["x"]"#)))
        let meta = try schema(#"{"$ref": "https://json-schema.org/draft/2020-12/schema"}"#)
        #expect(meta.isValid(try json(#"{"type": "string", "minLength": 1}"#)))
        #expect(!meta.isValid(try json(#"{"minLength": -1}"#)))
        #expect(JSONSchemaRegistry.bundledMetaschemaURIs.contains("http://json-schema.org/draft-07/schema"))
    }

    @Test("infinite reference loops are reported, not followed forever")
    func referenceLoop() throws {
        let s = try schema(##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}}, "$ref": "#/$defs/a"}"##)
        #expect(!s.isValid(1))
        #expect(s.validate(1).contains { $0.message.contains("infinite reference loop") })
    }

    @Test("recursive schemas validate deep instances")
    func deepRecursion() throws {
        let s = try schema(##"{"anyOf": [{"type": "integer"}, {"type": "array", "items": {"$ref": "#"}}]}"##)
        var deep: JSONValue = 1
        for _ in 0..<400 { deep = [deep] }
        #expect(s.isValid(deep))
    }

    // MARK: Tool-argument style schema

    static let toolSchema = #"""
        {
          "type": "object",
          "properties": {
            "customer_id": {"type": "string", "pattern": "^cus_[A-Za-z0-9]+$"},
            "limit": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10},
            "status": {"type": "string", "enum": ["open", "paid", "void"]},
            "since": {"type": ["string", "null"], "format": "date"},
            "lines": {"type": "array", "maxItems": 3,
                      "items": {"type": "object", "required": ["sku", "qty"], "additionalProperties": false,
                                "properties": {"sku": {"type": "string"}, "qty": {"type": "integer", "exclusiveMinimum": 0}}}}
          },
          "required": ["customer_id"],
          "additionalProperties": false
        }
        """#

    @Test("tool arguments: valid call")
    func toolArgumentsValid() throws {
        let s = try schema(Self.toolSchema)
        let arguments = try json(#"""
            {"customer_id": "cus_123", "limit": 5.0, "status": "paid", "since": "not-a-date-but-format-is-annotation",
             "lines": [{"sku": "A", "qty": 2}]}
            """#)
        #expect(s.validate(arguments) == [])
        #expect(s.isValid(try json(#"{"customer_id": "cus_1", "since": null}"#)))
    }

    @Test("tool arguments: every problem is reported")
    func toolArgumentsInvalid() throws {
        let s = try schema(Self.toolSchema)
        let arguments = try json(#"""
            {"customer": "cus_123", "limit": 0, "status": "open ", "lines": [{"sku": "A", "qty": 0, "note": "x"}]}
            """#)
        #expect(s.validate(arguments).map(\.message) == [
            "missing required property 'customer_id'",
            "property 'customer' is not allowed",
            "/limit: must be greater than or equal to 1",
            "/lines/0: property 'note' is not allowed",
            "/lines/0/qty: must be greater than 0",
            "/status: value must be one of [\"open\", \"paid\", \"void\"]",
        ])
    }

    @Test("compiled schemas can be shared across tasks")
    func concurrentUse() async throws {
        let s = try schema(Self.toolSchema)
        let good = try json(#"{"customer_id": "cus_1"}"#)
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 { group.addTask { (0..<200).allSatisfy { _ in s.isValid(good) } } }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 })
    }

    @Test("validating a small object takes microseconds")
    func performance() throws {
        let s = try schema(Self.toolSchema)
        let arguments = try json(#"{"customer_id": "cus_123", "limit": 5, "status": "paid", "lines": [{"sku": "A", "qty": 2}]}"#)
        let iterations = 2_000
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<iterations { _ = s.validate(arguments) }
        }
        // Generous bound (debug build, shared machine); typically a few microseconds per call.
        #expect(elapsed / iterations < .milliseconds(1))
    }
}

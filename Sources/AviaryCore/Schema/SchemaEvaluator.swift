/// Evaluates one instance against a ``SchemaProgram``.
///
/// In silent mode (`reportsViolations == false`) evaluation stops at the first failure;
/// in reporting mode every failing keyword adds a ``JSONSchemaViolation``.
struct SchemaEvaluator {
    /// One step of the instance path.
    enum PathToken {
        case key(String)
        case index(Int)
    }

    private struct ActiveReference: Hashable {
        var node: Int
        var instanceDepth: Int
    }

    /// Evaluation nesting limit, a backstop against runaway recursion.
    static let maximumDepth = 1800

    let program: SchemaProgram
    var reportsViolations: Bool
    private(set) var violations: [JSONSchemaViolation] = []
    private var path: [PathToken] = []
    private var dynamicScope: [Int] = []
    private var activeReferences: Set<ActiveReference> = []
    private var depth = 0
    /// Set while ``explain(_:_:)`` runs, so nested failures are not explained again
    /// (which would make reporting exponential in the nesting of `anyOf` / `oneOf`).
    private(set) var isExplaining = false

    init(program: SchemaProgram, reportsViolations: Bool) {
        self.program = program
        self.reportsViolations = reportsViolations
    }

    /// Evaluates the root schema.
    mutating func run(_ instance: JSONValue) -> Bool {
        var annotations = SchemaAnnotations()
        return evaluate(program.root, instance, &annotations, collect: false)
    }

    /// Evaluates `node` against `instance` at the current instance path. When `collect` is set,
    /// a successful evaluation merges its annotations into `annotations`.
    mutating func evaluate(_ node: Int, _ instance: JSONValue, _ annotations: inout SchemaAnnotations,
                           collect: Bool) -> Bool {
        switch program.nodes[node] {
        case .boolean(let allowed):
            return allowed || fail("false", "no value is allowed here (schema is false)")
        case .keywords(let keywords, let resource, let tracksUnevaluated):
            if depth >= Self.maximumDepth { return fail("$ref", "schema nesting too deep (possible reference cycle)") }
            depth += 1
            let entersResource = dynamicScope.last != resource
            if entersResource { dynamicScope.append(resource) }
            defer {
                depth -= 1
                if entersResource { dynamicScope.removeLast() }
            }
            if tracksUnevaluated {
                var local = SchemaAnnotations()
                let valid = evaluateKeywords(keywords, instance, &local, collect: true)
                if valid && collect { annotations.merge(local) }
                return valid
            }
            return evaluateKeywords(keywords, instance, &annotations, collect: collect)
        }
    }

    private mutating func evaluateKeywords(_ keywords: [SchemaKeyword], _ instance: JSONValue,
                                   _ annotations: inout SchemaAnnotations, collect: Bool) -> Bool {
        var valid = true
        for keyword in keywords where !check(keyword, instance, &annotations, collect: collect) {
            valid = false
            if !reportsViolations { return false }
        }
        return valid
    }

    private mutating func check(_ keyword: SchemaKeyword, _ instance: JSONValue,
                                _ annotations: inout SchemaAnnotations, collect: Bool) -> Bool {
        switch keyword {
        case .ref(let target, let name):
            return follow(target, name, instance, &annotations, collect: collect)
        case .dynamicRef(let initial, let anchor):
            var target = initial
            if let anchor {
                for resource in dynamicScope {
                    if let node = program.dynamicAnchors[resource]?[anchor] {
                        target = node
                        break
                    }
                }
            }
            return follow(target, "$dynamicRef", instance, &annotations, collect: collect)
        case .items, .contains, .maxItems, .minItems, .uniqueItems, .unevaluatedItems:
            return checkArray(keyword, instance, &annotations, collect: collect)
        case .properties, .required, .dependentRequired, .dependentSchemas, .propertyNames, .maxProperties,
             .minProperties, .unevaluatedProperties:
            return checkObject(keyword, instance, &annotations, collect: collect)
        case .allOf, .anyOf, .oneOf, .not, .conditional:
            return checkApplicator(keyword, instance, &annotations, collect: collect)
        default:
            return checkValue(keyword, instance)
        }
    }

    private mutating func follow(_ target: Int, _ name: String, _ instance: JSONValue,
                                 _ annotations: inout SchemaAnnotations, collect: Bool) -> Bool {
        let key = ActiveReference(node: target, instanceDepth: path.count)
        guard activeReferences.insert(key).inserted else {
            return fail(name, "infinite reference loop: the schema refers back to itself without consuming input")
        }
        defer { activeReferences.remove(key) }
        return evaluate(target, instance, &annotations, collect: collect)
    }

    // MARK: Helpers shared by the keyword extensions

    /// Evaluates `node` against a child value (an item or a property value) without annotations.
    mutating func evaluateChild(_ node: Int, _ value: JSONValue, at token: PathToken) -> Bool {
        path.append(token)
        defer { path.removeLast() }
        var scratch = SchemaAnnotations()
        return evaluate(node, value, &scratch, collect: false)
    }

    /// Evaluates `node` in place without reporting violations.
    mutating func probe(_ node: Int, _ instance: JSONValue, _ annotations: inout SchemaAnnotations,
                        collect: Bool) -> Bool {
        let reporting = reportsViolations
        reportsViolations = false
        defer { reportsViolations = reporting }
        return evaluate(node, instance, &annotations, collect: collect)
    }

    /// Evaluates `node` in reporting mode and returns (then discards) its violations' details.
    mutating func explain(_ node: Int, _ instance: JSONValue) -> [String] {
        let mark = violations.count
        let reporting = reportsViolations
        let explaining = isExplaining
        reportsViolations = true
        isExplaining = true
        var scratch = SchemaAnnotations()
        _ = evaluate(node, instance, &scratch, collect: false)
        reportsViolations = reporting
        isExplaining = explaining
        let details = violations[mark...].map(\.message)
        violations.removeSubrange(mark...)
        return details
    }

    /// Whether `node` is the `false` schema.
    func isFalse(_ node: Int) -> Bool {
        if case .boolean(false) = program.nodes[node] { return true }
        return false
    }

    /// The current instance location as a JSON pointer.
    var instancePath: String {
        var out = ""
        for token in path {
            out += "/"
            switch token {
            case .key(let key): out += JSONPointer.escape(key)
            case .index(let index): out += String(index)
            }
        }
        return out
    }

    /// Records a violation (in reporting mode) and returns `false`.
    mutating func fail(_ keyword: String, _ detail: @autoclosure () -> String) -> Bool {
        guard reportsViolations else { return false }
        let location = instancePath
        let message = location.isEmpty ? detail() : "\(location): \(detail())"
        violations.append(JSONSchemaViolation(instancePath: location, keyword: keyword, message: message))
        return false
    }
}

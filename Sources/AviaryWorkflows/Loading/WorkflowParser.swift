import AviaryCore

/// Reads one workflow document (YAML already turned into JSON) into a ``WorkflowDefinition``,
/// collecting every problem it finds rather than stopping at the first. Cross-references (agents,
/// tools, other workflows) and the graph's shape are checked by ``WorkflowValidator``.
struct WorkflowParser {
    let file: String
    var problems: [WorkflowLoadError] = []

    static let topFields: Set<String> = ["name", "version", "description", "input_schema", "workflow", "max_parallel", "hil_config"]
    /// Fields of seed 003's format that Aviary does not enforce: refused, so nobody relies on them.
    static let unsupportedTopFields: [String: String] = [:]

    init(file: String) { self.file = file }

    /// The definition, or nil when a problem was found (see ``problems``).
    mutating func parse(_ document: JSONValue, defaultName: String) -> WorkflowDefinition? {
        guard let top = document.objectValue else {
            fail(nil, nil, "expected a mapping with name, version and workflow at the top level")
            return nil
        }
        for key in top.keys.sorted() where !Self.topFields.contains(key) {
            if let why = Self.unsupportedTopFields[key] { fail(nil, key, "not supported: \(why)") } else {
                fail(nil, key, "unknown field (known: \(Self.topFields.sorted().joined(separator: ", ")))")
            }
        }
        let name = top["name"]?.stringValue ?? defaultName
        if !Self.isIdentifier(name) { fail(nil, "name", "'\(name)' must be letters, digits, '_', '-' or '.'") }
        var version = "1"
        switch top["version"] {
        case nil, .null?: break
        case .string(let s)?: version = s
        case .number(let n)?: version = n.rounded() == n ? String(Int(n)) : String(n)
        case let other?: fail(nil, "version", "expected a string such as 2.0.0, got \(other.jsonString)")
        }
        let description = top["description"]?.stringValue ?? ""
        var inputSchema: JSONValue?
        if let schema = top["input_schema"], !schema.isNull {
            do { _ = try JSONSchema(schema); inputSchema = schema } catch { fail(nil, "input_schema", "not a valid JSON Schema: \(error)") }
        }
        var maxParallel = 8
        if let raw = top["max_parallel"], !raw.isNull {
            if let n = raw.intValue, n >= 1, n <= 256 { maxParallel = n } else { fail(nil, "max_parallel", "expected a whole number from 1 to 256") }
        }
        guard let body = top["workflow"]?.objectValue else {
            fail(nil, "workflow", "missing: the workflow's nodes and edges go under 'workflow:'")
            return nil
        }
        for key in body.keys.sorted() where key != "nodes" && key != "edges" {
            fail(nil, "workflow.\(key)", "unknown field (known: nodes, edges)")
        }
        guard let rawNodes = body["nodes"]?.arrayValue, !rawNodes.isEmpty else {
            fail(nil, "workflow.nodes", "expected a non-empty list of nodes")
            return nil
        }
        var nodes: [WorkflowNode] = []
        var errorEdges: [WorkflowEdge] = []
        for (index, raw) in rawNodes.enumerated() {
            guard let fields = raw.objectValue else {
                fail(nil, "workflow.nodes[\(index)]", "expected a mapping with an id")
                continue
            }
            guard let id = fields["id"]?.stringValue, Self.isIdentifier(id) else {
                fail(nil, "workflow.nodes[\(index)].id", "missing or not an identifier (letters, digits, '_', '-', '.')")
                continue
            }
            if nodes.contains(where: { $0.id == id }) {
                fail(id, "id", "defined twice")
                continue
            }
            var reader = NodeReader(file: file, id: id, fields: fields)
            if let node = reader.node() {
                nodes.append(node)
                if case .route(let target) = node.onError { errorEdges.append(WorkflowEdge(from: id, to: target, onError: true)) }
            }
            problems += reader.problems
        }
        var edges: [WorkflowEdge] = []
        for (index, raw) in (body["edges"]?.arrayValue ?? []).enumerated() {
            if let edge = edge(raw, index: index) { edges.append(edge) }
        }
        if let raw = body["edges"], !raw.isNull, raw.arrayValue == nil { fail(nil, "workflow.edges", "expected a list of edges") }
        // FINISH and HANDOVER may be named by edges without being declared
        for sink in ["FINISH", "HANDOVER"] where !nodes.contains(where: { $0.id == sink }) && edges.contains(where: { $0.to == sink }) {
            nodes.append(WorkflowNode(id: sink, action: .sink(sink == "FINISH" ? .finish : .handover)))
        }
        var hil: HILConfig?
        if let raw = top["hil_config"], !raw.isNull { hil = hilConfig(raw) }
        if let hil, hil.enabled, !hil.agentDecision,
           let sink = nodes.first(where: { if case .sink(.handover) = $0.action { true } else { false } }) {
            fail(sink.id, nil, "a HANDOVER sink hands the conversation over only with the agent_decision trigger: add `- type: agent_decision` to hil_config.handover_triggers")
        }
        if hil == nil, let routed = nodes.first(where: { $0.handover != nil }) {
            fail(routed.id, routed.handover?.requiredSkills != nil ? "required_skills" : "priority", "routes a conversation, but the workflow has no hil_config (conversations need one)")
        }
        guard problems.isEmpty else { return nil }
        return WorkflowDefinition(name: name, version: version, description: description, inputSchema: inputSchema,
                                  maxParallel: maxParallel, hil: hil, nodes: nodes, edges: edges + errorEdges, source: document, file: file)
    }

    private mutating func edge(_ raw: JSONValue, index: Int) -> WorkflowEdge? {
        let field = "workflow.edges[\(index)]"
        guard let fields = raw.objectValue, let from = fields["from"]?.stringValue, let to = fields["to"]?.stringValue else {
            fail(nil, field, "expected a mapping with from and to")
            return nil
        }
        for key in fields.keys.sorted() where !["from", "to", "when", "condition"].contains(key) {
            fail(nil, "\(field).\(key)", "unknown field (known: from, to, when, condition)")
        }
        if fields["when"] != nil, fields["condition"] != nil { fail(nil, "\(field).when", "give one of when and condition (they are the same)") }
        var when: JMESPath?
        if let raw = fields["when"] ?? fields["condition"], !raw.isNull {
            when = condition(raw, field: "\(field).\(fields["when"] != nil ? "when" : "condition")", node: nil)
            if when == nil { return nil }
        }
        return WorkflowEdge(from: from, to: to, when: when)
    }

    /// A condition: a JMESPath string, or seed 003's `{type: jmespath, expression: …}`.
    private mutating func condition(_ raw: JSONValue, field: String, node: String?) -> JMESPath? {
        var problem: String?
        let result = Self.condition(raw, problem: &problem)
        if let problem { fail(node, field, problem) }
        return result
    }

    static func condition(_ raw: JSONValue, problem: inout String?) -> JMESPath? {
        var text = raw.stringValue
        if let object = raw.objectValue {
            let type = object["type"]?.stringValue ?? "jmespath"
            guard type == "jmespath" else {
                problem = "condition type '\(type)' is not supported (supported: jmespath)"
                return nil
            }
            text = object["expression"]?.stringValue
        }
        guard let text, !text.isEmpty else {
            problem = "expected a JMESPath expression (a string, or {type: jmespath, expression: …})"
            return nil
        }
        do { return try JMESPath(text) } catch {
            problem = "expression '\(text)' does not parse: \(error)"
            return nil
        }
    }

    mutating func fail(_ node: String?, _ field: String?, _ message: String) {
        problems.append(WorkflowLoadError(file: file, node: node, field: field, message: message))
    }

    static func isIdentifier(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 200 && s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0) }
    }
}

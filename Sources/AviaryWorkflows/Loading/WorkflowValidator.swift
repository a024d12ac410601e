import AviaryRuntime
import AviaryCore

/// Checks a parsed workflow against its graph and the project: edges name nodes, no cycles, every
/// node reachable and reaching a sink, agents, tools and sub-workflows exist, expressions read only
/// nodes upstream of where they run, and a `map` goes over an array where the input schema says.
public struct WorkflowValidator: Sendable {
    /// The project's agents.
    public var agents: Set<String>
    /// The project's tools.
    public var tools: Set<String>
    /// The project's workflows (for `workflow` nodes).
    public var workflows: Set<String>
    /// Built-in tools the configuration leaves out: a node naming one is told what it needs.
    public var unavailableTools: [String: UnavailableTool] = [:]

    /// The names an expression reads at the top of the context besides node ids.
    static let reserved: Set<String> = ["input", "nodes", "run", "output", "item", "index"]

    /// Creates a validator for a project's names.
    public init(agents: Set<String>, tools: Set<String>, workflows: Set<String>) {
        self.agents = agents
        self.tools = tools
        self.workflows = workflows
    }

    /// Every problem of `definition`, each naming its file and node.
    public func problems(in definition: WorkflowDefinition) -> [WorkflowLoadError] {
        var problems: [WorkflowLoadError] = []
        func fail(_ node: String?, _ field: String?, _ message: String) {
            problems.append(WorkflowLoadError(file: definition.file, node: node, field: field, message: message))
        }
        let ids = Set(definition.nodes.map(\.id))
        for (i, edge) in definition.edges.enumerated() {
            let field = edge.onError ? "on_error" : "workflow.edges[\(i)]"
            for end in [edge.from, edge.to] where !ids.contains(end) {
                fail(edge.onError ? edge.from : nil, field, "names unknown node '\(end)' (nodes: \(definition.nodes.map(\.id).joined(separator: ", ")))")
            }
        }
        if agents.contains(definition.name) { fail(nil, "name", "'\(definition.name)' is also an agent's name; rename one") }
        for node in definition.nodes { checkReferences(node, definition: definition, fail: fail) }
        guard problems.isEmpty, let graph = WorkflowGraph(definition) else { return problems }
        let cycle = graph.cycle
        if !cycle.isEmpty {
            fail(nil, "workflow.edges", "the edges form a cycle through \(cycle.joined(separator: ", ")); a workflow is a DAG")
            return problems
        }
        checkShape(definition, graph: graph, fail: fail)
        checkUpstream(definition, graph: graph, fail: fail)
        return problems
    }

    private func checkReferences(_ node: WorkflowNode, definition: WorkflowDefinition, fail: (String?, String?, String) -> Void) {
        switch node.action {
        case .agent(let name, _, let overrides):
            if !agents.contains(name) { fail(node.id, "agent", "unknown agent '\(name)'; agents: \(agents.sorted().joined(separator: ", "))") }
            for tool in overrides ?? [] where !tools.contains(tool) && !agents.contains(tool) && !workflows.contains(tool)
                && !(Glob.isPattern(tool) && tools.contains(where: { Glob.matches(tool, $0) })) {
                fail(node.id, "tools", unavailableTools[tool]?.reason ?? "unknown tool '\(tool)'")
            }
        case .tool(let name, _):
            if !tools.contains(name) {
                fail(node.id, "tool", unavailableTools[name]?.reason ?? "unknown tool '\(name)'; tools: \(tools.sorted().joined(separator: ", "))")
            }
        case .workflow(let name):
            if name == definition.name { fail(node.id, "workflow", "a workflow cannot run itself") }
            else if !workflows.contains(name) { fail(node.id, "workflow", "unknown workflow '\(name)'; workflows: \(workflows.sorted().joined(separator: ", "))") }
        case .map(_, let inner, _, _):
            checkReferences(inner, definition: definition, fail: fail)
        case .transform, .approval, .humanInput, .sink:
            break
        }
    }

    private func checkShape(_ definition: WorkflowDefinition, graph: WorkflowGraph, fail: (String?, String?, String) -> Void) {
        let sinks = Set(definition.nodes.indices.filter { if case .sink = definition.nodes[$0].action { true } else { false } })
        if sinks.isEmpty { fail(nil, "workflow.nodes", "no sink: end every path in a FINISH or HANDOVER node (type: sink)") }
        for s in sinks where !graph.outgoing[s].isEmpty {
            fail(graph.ids[s], nil, "a sink ends its path; it has edges out to \(graph.outgoing[s].map { graph.ids[graph.ends[$0].to] }.joined(separator: ", "))")
        }
        let entries = (0..<graph.ids.count).filter { graph.incoming[$0].isEmpty }
        for n in entries where sinks.contains(n) && definition.nodes.count > 1 {
            fail(graph.ids[n], nil, "unreachable: no edge leads to this sink")
        }
        for n in 0..<graph.ids.count where !sinks.contains(n) && graph.reaches(from: n).isDisjoint(with: sinks) {
            fail(graph.ids[n], nil, "reaches no sink: add an edge from it (or from a node after it) to FINISH or HANDOVER")
        }
    }

    private func checkUpstream(_ definition: WorkflowDefinition, graph: WorkflowGraph, fail: (String?, String?, String) -> Void) {
        let ids = Set(graph.ids)
        func check(_ expressions: [JMESPath], at node: Int, field: String, reporter: String, extra: Set<String> = []) {
            let upstream = Set(graph.ancestors(of: node).map { graph.ids[$0] })
            for expression in expressions {
                if expression.readsFieldOfNegation {
                    fail(reporter, field, """
                        expression '\(expression.expression)' reads a field of a negation, which is always null: \
                        `!` binds tighter than `.` in JMESPath (`!a.b` is `(!a).b`); write `!(a.b)`
                        """)
                }
                for path in expression.rootPaths {
                    let named: String?
                    if path.first == "nodes", path.count > 1 { named = path[1] }
                    else if let first = path.first, !Self.reserved.contains(first), ids.contains(first) { named = first }
                    else { named = nil }
                    if path.first == "nodes", path.count > 1, !ids.contains(path[1]) {
                        fail(reporter, field, "expression '\(expression.expression)' reads unknown node '\(path[1])'")
                    } else if let named, !upstream.contains(named), !extra.contains(named) {
                        fail(reporter, field, "expression '\(expression.expression)' reads node '\(named)', which is not upstream of '\(graph.ids[node])' (it may not have run)")
                    }
                }
            }
        }
        for (n, node) in definition.nodes.enumerated() {
            check(node.input?.expressions ?? [], at: n, field: "input", reporter: node.id)
            check(node.guardCondition.map { [$0] } ?? [], at: n, field: "when", reporter: node.id)
            switch node.action {
            case .transform(let e): check([e], at: n, field: "expression", reporter: node.id)
            case .approval(let r), .humanInput(let r): check(r.summary.expressions, at: n, field: "summary", reporter: node.id)
            case .map(let over, let inner, _, _):
                check([over], at: n, field: "over", reporter: node.id)
                check(inner.input?.expressions ?? [], at: n, field: "node.input", reporter: node.id)
                if case .transform(let e) = inner.action { check([e], at: n, field: "node.expression", reporter: node.id) }
                checkArray(over, definition: definition, node: node.id, fail: fail)
            default: break
            }
        }
        for (e, edge) in definition.edges.enumerated() {
            guard let when = edge.when else { continue }
            // an edge's condition runs when its source completes: the source and its ancestors
            check([when], at: graph.ends[e].from, field: "workflow.edges[\(e)].when", reporter: edge.from, extra: [edge.from])
        }
    }

    /// A `map` over `input.<path>` where the input schema gives that path a type other than array.
    private func checkArray(_ over: JMESPath, definition: WorkflowDefinition, node: String, fail: (String?, String?, String) -> Void) {
        guard let schema = definition.inputSchema, let path = over.rootPaths.first, over.rootPaths.count == 1,
              path.first == "input", path.count > 1, over.expression.filter({ !$0.isWhitespace }) == path.joined(separator: ".") else { return }
        var current: JSONValue? = schema
        for key in path.dropFirst() { current = current?["properties"]?[key] }
        guard let type = current?["type"] else { return }
        let types = type.arrayValue?.compactMap(\.stringValue) ?? type.stringValue.map { [$0] } ?? []
        if !types.isEmpty, !types.contains("array") {
            fail(node, "over", "'\(over.expression)' is \(types.joined(separator: " or ")) in the input schema; a map goes over an array")
        }
    }
}

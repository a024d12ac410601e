import AviaryCore

/// The document a workflow run's expressions are evaluated against:
/// `{input, run: {id, workflow, version, principal, context}, nodes: {<id>: {output}}}`, plus each
/// completed node as `<id>: {output}` at the top (seed 003 writes `classify_intent.output.intent`)
/// where its id is not one of the reserved names. An edge's condition also sees its source's
/// `output`; a map's node sees `item` and `index`.
struct WorkflowScope: Sendable {
    private(set) var input: JSONValue
    private let run: JSONValue
    private(set) var nodes: [String: JSONValue] = [:]
    /// The node outputs by id.
    private(set) var outputs: [String: JSONValue] = [:]

    init(input: JSONValue, run: JSONValue) {
        self.input = input
        self.run = run
    }

    /// Records a completed node's output.
    mutating func set(_ id: String, output: JSONValue) {
        outputs[id] = output
        nodes[id] = .object(["output": output])
    }

    /// The document, with `extra` members (`output`, `item`, `index`) on top.
    func document(_ extra: [String: JSONValue] = [:]) -> JSONValue {
        var top = [String: JSONValue](minimumCapacity: nodes.count + 3 + extra.count)
        for (id, value) in nodes where !WorkflowValidator.reserved.contains(id) { top[id] = value }
        top["input"] = input
        top["run"] = run
        top["nodes"] = .object(nodes)
        for (k, v) in extra { top[k] = v }
        return .object(top)
    }
}

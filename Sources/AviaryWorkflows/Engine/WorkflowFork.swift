import AviaryCore

/// Makes the input of a run that forks a workflow run at a node ("time travel"): the new run
/// executes the same version of the workflow, reuses the recorded outputs of every node that is
/// not `from` or downstream of it, and executes `from` and everything after it again, with
/// top-level fields of the input replaced by `overrides`.
public struct WorkflowFork: Sendable {
    /// The run forked.
    public var source: RunRecord
    /// Its journal.
    public var journal: [JournalEntry]

    /// Creates a fork of `source`.
    public init(source: RunRecord, journal: [JournalEntry]) {
        self.source = source
        self.journal = journal
    }

    /// The definition the source run executed (its pinned version).
    public func definition() throws(WorkflowForkError) -> WorkflowDefinition {
        guard let pinned = journal.first(where: { $0.key == WorkflowProgram.pinKey && $0.state == .completed })?.output?["definition"] else {
            throw WorkflowForkError("run \(source.id) is not a workflow run (or never started): it has no recorded workflow definition")
        }
        do { return try WorkflowLoader().parse(pinned, file: "run \(source.id)", defaultName: source.agent) } catch {
            throw WorkflowForkError("run \(source.id)'s recorded definition no longer loads: \(error)")
        }
    }

    /// The new run's input.
    public func input(from node: String, overrides: [String: JSONValue]?) throws(WorkflowForkError) -> WorkflowInput {
        let definition = try definition()
        guard let graph = WorkflowGraph(definition), let start = graph.index[node] else {
            throw WorkflowForkError("'\(node)' is not a node of workflow \(definition.name) \(definition.version) (nodes: \(definition.nodes.map(\.id).joined(separator: ", ")))")
        }
        let rerun = graph.reaches(from: start).union([start])
        var given = WorkflowInput(stored: source.input)
        // what the source run reused from its own origin counts as recorded in it (a fork of a fork)
        let inherited = given.fork?.outputs ?? [:]
        var reused: [String: JSONValue] = [:]
        for (n, id) in graph.ids.enumerated() where !rerun.contains(n) {
            if let step = lastCompletedAttempt(of: id) ?? inherited[id] { reused[id] = step }
        }
        if let overrides, !overrides.isEmpty {
            guard case .object(var fields) = given.input else {
                throw WorkflowForkError("the run's input is not an object, so its fields cannot be replaced")
            }
            for (k, v) in overrides { fields[k] = v }
            given.input = .object(fields)
        }
        if let schema = definition.inputSchema {
            let problems = (try? JSONSchema(schema))?.validate(given.input) ?? []
            if !problems.isEmpty {
                throw WorkflowForkError("the input does not match the workflow's input_schema: \(problems.prefix(5).map(\.description).joined(separator: "; "))")
            }
        }
        given.fork = WorkflowInput.Fork(runID: source.id.rawValue, from: node, outputs: reused, definition: definition.source)
        return given
    }

    /// The recorded result of a node's last completed attempt: a step `node/<id>/attempt/<n>`
    /// exactly (not the steps inside an attempt, such as an answered approval's request).
    private func lastCompletedAttempt(of id: String) -> JSONValue? {
        let prefix = "node/\(id)/attempt/"
        var best: (attempt: Int, output: JSONValue)?
        for entry in journal where entry.state == .completed && entry.key.hasPrefix(prefix) {
            guard let attempt = Int(entry.key.dropFirst(prefix.count)), attempt > (best?.attempt ?? 0) else { continue }
            best = (attempt, entry.output ?? .null)
        }
        return best?.output
    }
}

/// Why a run cannot be forked as asked.
public struct WorkflowForkError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

import AviaryCore
import AviaryRuntime

/// A workflow as a kind of run (``RunProgram``): the run executes the DAG, each node completion a
/// journaled step, so a resumed run replays completed nodes and continues. The run's first step
/// (`workflow`) records the definition it started with; a resume runs that version even after the
/// file changed. Agents can call a workflow as a tool (``ToolProgram``): the tool's result is the
/// output of the sink the run reached.
///
/// The run's output: `{status: finished | handover, sink, result, outputs: {<node>: output}}`, plus
/// `costs: {<node>: usd}` for nodes that spent money.
public struct WorkflowProgram: ToolProgram {
    /// The definition.
    public let definition: WorkflowDefinition
    let graph: WorkflowGraph

    /// The key of the step that pins the definition a run executes.
    static let pinKey = "workflow"

    /// A program for a definition whose edges name its nodes and form no cycle (``WorkflowValidator``).
    public init(_ definition: WorkflowDefinition) throws(WorkflowLoadErrors) {
        guard let graph = WorkflowGraph(definition), graph.order != nil else {
            throw WorkflowLoadErrors([WorkflowLoadError(file: definition.file, message: "the edges name unknown nodes or form a cycle")])
        }
        self.definition = definition
        self.graph = graph
    }

    public var name: String { definition.name }

    /// A ``ProgramRecovery`` for workflow runs: the definition a run recorded (its `workflow`
    /// step), or for a fork that has not started, the one its input carries.
    public static let recover: ProgramRecovery = { name, input, journal in
        let pinned = journal.first { $0.key == pinKey && $0.state == .completed }?.output?["definition"]
        guard let source = pinned ?? WorkflowInput(stored: input).fork?.definition,
              let definition = try? WorkflowLoader().parse(source, file: "recorded definition", defaultName: name) else { return nil }
        return try? WorkflowProgram(definition)
    }

    public var toolSpec: ToolSpec {
        ToolSpec(name: definition.name,
                 description: definition.description.isEmpty ? "Run the \(definition.name) workflow." : definition.description,
                 parameters: definition.inputSchema ?? ["type": "object"])
    }

    /// The arguments are the workflow's input, wrapped so that nothing in them is read as the
    /// stored form's other members (a fork's record).
    public func input(fromArguments arguments: JSONValue) -> JSONValue { WorkflowInput(input: arguments).stored }

    public func toolOutput(of output: JSONValue) -> JSONValue { output["result"] ?? .null }

    public func run(in context: RunContext) async throws -> RunResult {
        let fresh = context.recorded(Self.pinKey) == nil
        // a fork executes the version of the run it forks
        let forked = fresh ? WorkflowInput(stored: context.input).fork?.definition : nil
        let pinned = try await context.jsonStep(Self.pinKey) {
            guard let forked else { return ["version": .string(definition.version), "definition": definition.source] }
            return ["version": forked["version"] ?? "1", "definition": forked]
        }
        guard !fresh || forked != nil, let source = pinned["definition"], source != definition.source else {
            return try await WorkflowExecution(program: self, context: context).run()
        }
        // resumed after the definition changed: the version the run started with
        let recorded: WorkflowDefinition
        do { recorded = try WorkflowLoader().parse(source, file: definition.file, defaultName: definition.name) } catch {
            throw WorkflowFailed(node: nil, error: "the recorded definition (version \(pinned["version"]?.stringValue ?? "?")) no longer loads: \(error)")
        }
        return try await WorkflowExecution(program: try WorkflowProgram(recorded), context: context).run()
    }
}

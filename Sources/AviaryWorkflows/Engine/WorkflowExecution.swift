import AviaryCore
import AviaryRuntime

/// One execution of a workflow run: the scheduler. Ready nodes run concurrently (at most the
/// workflow's `max_parallel`) in a task group; as each ends, its edges are decided and the
/// ``DAGState`` answers which nodes run or are skipped next. A node failure without an error
/// edge, or a stop (waiting for a person, cancellation), lets running nodes finish and starts no
/// more; then the run fails or stops.
struct WorkflowExecution {
    let program: WorkflowProgram
    let context: RunContext

    private var definition: WorkflowDefinition { program.definition }
    private var graph: WorkflowGraph { program.graph }

    private typealias Finished = (node: Int, result: Result<NodeRunner.Outcome, any Error>)

    func run() async throws -> RunResult {
        let given = WorkflowInput(stored: context.input)
        if let schema = definition.inputSchema {
            let problems = try JSONSchema(schema).validate(given.input)
            if !problems.isEmpty {
                throw WorkflowFailed(node: nil, error: "the input does not match the workflow's input_schema: \(problems.prefix(5).map(\.description).joined(separator: "; "))")
            }
        }
        let runDocument: JSONValue = ["id": .string(context.runID.rawValue), "workflow": .string(definition.name),
                                      "version": .string(definition.version), "principal": .string(context.principal),
                                      "context": given.context]
        var scope = WorkflowScope(input: given.input, run: runDocument)
        let runner = NodeRunner(context: context, workflowName: definition.name, callerContext: given.context)
        let reused = given.fork?.outputs ?? [:]
        var state = DAGState(graph: graph)
        var queue: [Int] = []
        var usage = Usage()
        var costs: [String: JSONValue] = [:]
        var failure: WorkflowFailed?
        var stop: (any Error)?
        var sinkOutputs: [Int: JSONValue] = [:]

        func apply(_ actions: [DAGState.Action]) async throws {
            for action in actions {
                switch action {
                case .run(let n): queue.append(n)
                case .skip(let n, let reason): try await announceSkip(n, reason: reason)
                }
            }
        }
        func completed(_ n: Int, _ outcome: NodeRunner.Outcome) async throws {
            let id = graph.ids[n]
            scope.set(id, output: outcome.output)
            usage += outcome.usage
            if outcome.usage.costUSD > 0 { costs[id] = .number(outcome.usage.costUSD) }
            var taken: [Bool] = []
            let document = graph.outgoing[n].contains(where: { definition.edges[$0].when != nil }) ? scope.document(["output": outcome.output]) : .null
            for e in graph.outgoing[n] {
                let edge = definition.edges[e]
                guard !edge.onError else { taken.append(false); continue }
                guard let when = edge.when else { taken.append(true); continue }
                do { taken.append(try when.search(document).isJMESPathTruthy) } catch {
                    failure = failure ?? WorkflowFailed(node: id, error: "the condition '\(when.expression)' of its edge to '\(edge.to)' failed: \(error)")
                    state.failed(n)
                    return
                }
            }
            try await apply(state.completed(n, taken: taken))
        }
        func failed(_ n: Int, _ error: any Error) async throws {
            let node = definition.nodes[n]
            if let stopping = error as? RuntimeError, stopping.stopsRun { stop = stop ?? error; return }
            if error is CancellationError { stop = stop ?? error; return }
            let message = NodeRunner.failure(error).message
            guard case .route = node.onError else {
                failure = failure ?? WorkflowFailed(node: node.id, error: message)
                state.failed(n)
                return
            }
            // recorded, so that a resume follows the error edge again instead of running the node again
            _ = try await context.jsonStep(Self.errorKey(node.id)) { .string(message) }
            try await routed(n, message)
        }
        func routed(_ n: Int, _ message: String) async throws {
            let id = graph.ids[n]
            scope.set(id, output: ["error": .string(message), "node": .string(id)])
            try await apply(state.routedError(n, errorEdges: graph.outgoing[n].map { definition.edges[$0].onError }))
        }

        try await apply(state.start())
        try await withThrowingTaskGroup(of: Finished.self) { group in
            var running = 0
            while true {
                while failure == nil, stop == nil, running < definition.maxParallel, !queue.isEmpty {
                    let n = queue.removeFirst()
                    let node = definition.nodes[n]
                    do { try context.checkpoint() } catch { stop = error; break }
                    if let recorded = reused[node.id] {
                        // a fork's reused node: its output, not its cost (the forked run paid it)
                        let output = NodeRunner.decode(recorded).output
                        if case .sink = node.action { sinkOutputs[n] = output }
                        try await completed(n, NodeRunner.Outcome(output: output, usage: Usage()))
                        continue
                    }
                    if let routedError = context.recorded(Self.errorKey(node.id)), routedError.state == .completed {
                        try await routed(n, routedError.output?.stringValue ?? "failed")
                        continue
                    }
                    if let guardCondition = node.guardCondition {
                        let holds: Bool
                        do { holds = try guardCondition.search(scope.document()).isJMESPathTruthy } catch {
                            failure = WorkflowFailed(node: node.id, error: "its condition '\(guardCondition.expression)' failed: \(error)")
                            break
                        }
                        if !holds {
                            try await announceSkip(n, reason: "its condition '\(guardCondition.expression)' is false")
                            try await apply(state.skipped(n))
                            continue
                        }
                    }
                    if case .sink = node.action {
                        let output: JSONValue
                        do { output = try await sink(n, scope: scope, taken: state.edges) } catch let failed as WorkflowFailed {
                            failure = failed // running nodes finish first
                            break
                        }
                        sinkOutputs[n] = output
                        try await completed(n, NodeRunner.Outcome(output: output, usage: Usage()))
                        continue
                    }
                    let snapshot = scope
                    running += 1
                    group.addTask {
                        do { return (n, .success(try await runner.run(node, prefix: "node/\(node.id)", document: { snapshot.document() }))) }
                        catch { return (n, .failure(error)) }
                    }
                }
                guard running > 0, let (n, result) = try await group.next() else { break }
                running -= 1
                switch result {
                case .success(let outcome): try await completed(n, outcome)
                case .failure(let error): try await failed(n, error)
                }
            }
        }
        if let failure { throw failure }
        if let stop { throw stop }
        return try result(sinkOutputs: sinkOutputs, scope: scope, usage: usage, costs: costs)
    }

    /// A sink's output: its `input` rendered, else the output of the node whose edge led to it (or,
    /// when several did, their outputs by id). Recorded as the sink's step.
    private func sink(_ n: Int, scope: WorkflowScope, taken: [DAGState.Edge]) async throws -> JSONValue {
        let node = definition.nodes[n]
        let key = "node/\(node.id)/attempt/1"
        let fresh = context.recorded(key) == nil
        if fresh { await context.emit(NodeStartedEvent(node: node.id, type: node.action.typeName, attempt: 1)) }
        let recorded = try await context.jsonStep(key) {
            if let input = node.input {
                do { return ["output": try input.render(scope.document())] } catch {
                    throw WorkflowFailed(node: node.id, error: "input: \(error)")
                }
            }
            let sources = graph.incoming[n].filter { taken[$0] == .taken }.map { graph.ids[graph.ends[$0].from] }
            if sources.count == 1 { return ["output": scope.outputs[sources[0]] ?? .null] }
            return ["output": .object(Dictionary(sources.map { ($0, scope.outputs[$0] ?? .null) }, uniquingKeysWith: { a, _ in a }))]
        }
        if fresh { await context.emit(NodeFinishedEvent(node: node.id, attempt: 1, durationMS: 0, output: recorded["output"] ?? .null)) }
        return recorded["output"] ?? .null
    }

    /// The step recording that a node failed and its error edge was taken.
    static func errorKey(_ node: String) -> String { "node/\(node)/error" }

    /// Records and announces a skipped node (once: a resume replays the record silently).
    private func announceSkip(_ n: Int, reason: String) async throws {
        let key = "node/\(graph.ids[n])/skipped"
        guard context.recorded(key) == nil else { return }
        _ = try await context.jsonStep(key) { .string(reason) }
        await context.emit(NodeSkippedEvent(node: graph.ids[n], reason: reason))
    }

    private func result(sinkOutputs: [Int: JSONValue], scope: WorkflowScope, usage: Usage, costs: [String: JSONValue]) throws -> RunResult {
        let reached = sinkOutputs.keys.sorted()
        let handover = reached.first { if case .sink(.handover) = definition.nodes[$0].action { true } else { false } }
        guard let sink = handover ?? reached.first else {
            throw WorkflowFailed(node: nil, error: "no sink was reached: every path to FINISH or HANDOVER was skipped")
        }
        var output: [String: JSONValue] = ["status": .string(handover == nil ? "finished" : "handover"),
                                           "sink": .string(graph.ids[sink]), "result": sinkOutputs[sink] ?? .null,
                                           "outputs": .object(scope.outputs)]
        if !costs.isEmpty { output["costs"] = .object(costs) }
        return RunResult(output: .object(output), usage: usage)
    }
}

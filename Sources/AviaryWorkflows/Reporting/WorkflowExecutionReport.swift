import AviaryCore
import Foundation

/// A workflow run as the execute API answers it (schema `WorkflowExecution`, seed 003's response):
/// status, the outputs by node, the sink reached and its result, the pending requests of a waiting
/// run, and a trace of the nodes (duration, attempts, success) with costs. Built from the run's
/// record and its events; `aviary run --json` prints the same document.
public struct WorkflowExecutionReport: Sendable {
    /// The run.
    public var run: RunRecord
    /// The run's events (node events give the trace).
    public var events: [RunEvent]
    /// The requests a waiting run waits for, in the API's `Approval` form.
    public var pending: [JSONValue]
    /// The definition's version the run executes.
    public var version: String

    /// Creates a report.
    public init(run: RunRecord, events: [RunEvent], pending: [JSONValue] = [], version: String) {
        self.run = run
        self.events = events
        self.pending = pending
        self.version = version
    }

    /// The status as the API names it: the run's, or `handover` for a run that completed in a HANDOVER sink.
    public var status: String {
        if run.status == .completed, run.output?["status"]?.stringValue == "handover" { return "handover" }
        return run.status == .pending ? "running" : run.status.rawValue
    }

    /// The document.
    public var json: JSONValue {
        let input = WorkflowInput(stored: run.input)
        var outputs = run.output?["outputs"]?.objectValue ?? [:]
        var nodes: [String: NodeTrace] = [:]
        var order: [String] = []
        for event in events {
            guard let id = event.data["node"]?.stringValue else { continue }
            if nodes[id] == nil, [.nodeStarted, .nodeFinished, .nodeFailed, .nodeSkipped].contains(event.kind) {
                nodes[id] = NodeTrace()
                order.append(id)
            }
            let attempt = event.data["attempt"]?.intValue ?? 1
            switch event.kind {
            case .nodeFinished:
                nodes[id]?.status = "completed"
                nodes[id]?.durationMS += event.data["duration_ms"]?.numberValue ?? 0
                nodes[id]?.attempts.formMax(attempt)
                if run.output == nil, let output = event.data["output"] { outputs[id] = output }
            case .nodeFailed:
                nodes[id]?.status = "failed"
                nodes[id]?.durationMS += event.data["duration_ms"]?.numberValue ?? 0
                nodes[id]?.attempts.formMax(attempt)
            case .nodeRetrying:
                nodes[id]?.attempts.formMax(attempt)
            case .nodeSkipped:
                nodes[id]?.status = "skipped"
            default: break
            }
        }
        let final = [RunStatus.completed, .failed, .cancelled].contains(run.status)
        let completedAt = final ? run.updatedAt : nil
        let duration = ((completedAt ?? Date()).timeIntervalSince(run.createdAt) * 1000).rounded()
        let byNode = run.output?["costs"]?.objectValue ?? [:]
        let trace: [String: JSONValue] = [
            "workflow_id": .string(run.agent),
            "started_at": .string(run.createdAt.formatted(RunEvent.timeFormat)),
            "nodes": .array(order.compactMap { id in
                guard let node = nodes[id], let status = node.status else { return nil }
                return ["node_id": .string(id), "status": .string(status), "success": .bool(status == "completed"),
                        "duration_ms": .number(node.durationMS), "attempts": .number(Double(node.attempts))]
            }),
            "costs": ["total_usd": .number(run.usage.costUSD), "by_node": .object(byNode)],
        ]
        var traceObject = trace
        if let completedAt { traceObject["completed_at"] = .string(completedAt.formatted(RunEvent.timeFormat)) }
        var object: [String: JSONValue] = [
            "execution_id": .string(run.id.rawValue), "workflow_id": .string(run.agent), "version": .string(version),
            "status": .string(status), "outputs": .object(outputs), "pending": .array(pending), "trace": .object(traceObject),
            "total_cost_usd": .number(run.usage.costUSD), "duration_ms": .number(duration),
            "events": .string("/api/v1/runs/\(run.id.rawValue)/events"),
        ]
        if let sink = run.output?["sink"]?.stringValue { object["sink"] = .string(sink) }
        if let result = run.output?["result"], !result.isNull { object["result"] = result }
        if let error = run.error { object["error"] = .string(error) }
        if let fork = input.fork { object["forked_from"] = ["run_id": .string(fork.runID), "node": .string(fork.from)] }
        return .object(object)
    }

    private struct NodeTrace {
        var status: String?
        var durationMS: Double = 0
        var attempts = 0
    }
}

extension Int {
    /// Keeps the larger of the value and `other`.
    fileprivate mutating func formMax(_ other: Int) { self = Swift.max(self, other) }
}

import AviaryCore
import AviaryRuntime
import Foundation

/// Runs one workflow node through its attempts: each attempt is a journaled step
/// (`<prefix>/attempt/<n>`) whose recorded result a resume replays; a failure the node's retry
/// policy names waits its backoff and tries again under the next attempt's key. Emits the
/// node's `node.started`, `node.retrying`, `node.finished` and `node.failed` events (not for
/// replayed attempts).
struct NodeRunner: Sendable {
    let context: RunContext
    /// The workflow's name (a sub-workflow's child run gets the run's `context`).
    let workflowName: String
    /// The run's caller context (`run.context`).
    let callerContext: JSONValue

    /// What a node's attempt produced.
    struct Outcome: Sendable {
        var output: JSONValue
        var usage: Usage
    }

    /// The node's output, or a ``NodeFailure`` once its attempts are used up; kernel stops
    /// (waiting, cancellation, …) propagate.
    func run(_ node: WorkflowNode, prefix: String, document: @Sendable () -> JSONValue, announce: Bool = true) async throws -> Outcome {
        var attempt = 1
        while true {
            let key = "\(prefix)/attempt/\(attempt)"
            if let entry = context.recorded(key) {
                if entry.state == .completed { return Self.decode(entry.output) }
                if entry.state == .failed, node.retry.attempts > attempt {
                    attempt += 1 // an earlier execution failed this attempt; its retry comes next
                    continue
                }
            }
            // a node that waits for a person was announced when it first asked; a resume does not announce it again
            let asked = context.recorded(key + "/request") != nil
            if announce, !asked { await context.emit(NodeStartedEvent(node: node.id, type: node.action.typeName, attempt: attempt)) }
            let start = ContinuousClock.now
            do {
                let recorded = try await context.jsonStep(key, .computation) {
                    let outcome = try await attemptOnce(node, key: key, document: document())
                    return Self.encode(outcome)
                }
                let outcome = Self.decode(recorded)
                if announce {
                    await context.emit(NodeFinishedEvent(node: node.id, attempt: attempt, durationMS: Self.ms(since: start), output: outcome.output))
                }
                return outcome
            } catch let error as RuntimeError where error.stopsRun {
                throw error
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                var failure = Self.failure(error)
                if failure.kind == .timeout, case .tool(let name, _) = node.action, context.toolPolicy(named: name)?.idempotent == false {
                    // the abandoned call may still be running: calling again could do it twice
                    failure.retryable = false
                    failure.message += " (tool '\(name)' is not idempotent and may still be running, so it is not retried; check what it did)"
                }
                if failure.retryable, node.retry.retries(failure.kind, after: attempt) {
                    let delay = node.retry.delay(after: attempt)
                    if announce {
                        await context.emit(NodeRetryingEvent(node: node.id, attempt: attempt, error: failure.message,
                                                             delayMS: (delay * 1000).rounded()))
                    }
                    try await context.sleep(for: .milliseconds(Int(delay * 1000)))
                    attempt += 1
                    continue
                }
                if announce {
                    await context.emit(NodeFailedEvent(node: node.id, attempt: attempt, durationMS: Self.ms(since: start), error: failure.message))
                }
                throw failure
            }
        }
    }

    /// One attempt, under the node's timeout.
    private func attemptOnce(_ node: WorkflowNode, key: String, document: JSONValue) async throws -> Outcome {
        guard let timeout = node.timeout else { return try await perform(node, key: key, document: document) }
        return try await withThrowingTaskGroup(of: Outcome?.self) { group in
            group.addTask { try await perform(node, key: key, document: document) }
            group.addTask {
                try await context.sleep(for: .milliseconds(Int(timeout * 1000)))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let outcome = first else {
                throw NodeFailure(kind: .timeout, message: "timed out after \(Self.seconds(timeout))")
            }
            return outcome
        }
    }

    /// What the node's action does.
    private func perform(_ node: WorkflowNode, key: String, document: JSONValue) async throws -> Outcome {
        let input = try node.input?.render(document)
        var outcome: Outcome
        switch node.action {
        case .transform(let expression):
            outcome = Outcome(output: try Self.search(expression, document), usage: Usage())
        case .tool(let name, let approval):
            let output = try await context.tool(key + "/call", name: name, arguments: input ?? .object([:]), approval: approval)
            outcome = Outcome(output: output.content, usage: output.usage ?? Usage())
        case .agent(let name, let model, let tools):
            // workflows run published agents only, as delegation does: a draft is for its builders
            if context.agent(named: name)?.status == .draft {
                throw NodeFailure(kind: .child, message: "agent '\(name)' is a draft; publish it to run it in a workflow", retryable: false)
            }
            var childInput = input ?? document["input"] ?? .null
            if case .object(var fields) = childInput, fields["agent_overrides"] != nil {
                fields["agent_overrides"] = nil // only the node's own overrides reach the agent, never its input's
                childInput = .object(fields)
            }
            if model != nil || tools != nil {
                var fields = childInput.objectValue ?? ["question": childInput.stringValue.map(JSONValue.string) ?? .string(childInput.jsonString)]
                var overrides: [String: JSONValue] = [:]
                if let model { overrides["model"] = .string(model) }
                if let tools { overrides["tools"] = .array(tools.map(JSONValue.string)) }
                fields["agent_overrides"] = .object(overrides)
                childInput = .object(fields)
            }
            outcome = try await child(key, program: name, input: childInput, what: "agent '\(name)'") { $0 }
        case .workflow(let name):
            let childInput: JSONValue = ["input": input ?? document["input"] ?? .object([:]), "context": callerContext]
            outcome = try await child(key, program: name, input: childInput, what: "workflow '\(name)'") { $0["result"] ?? .null }
        case .approval(let request):
            let answer = try await context.interrupt(key + "/request", try approvalRequest(request, kind: .approval, arguments: input, document: document))
            guard answer.decision == .approved else { throw Self.refused(answer) }
            var output: [String: JSONValue] = ["approved": true, "by": .string(answer.by)]
            if let reason = answer.reason { output["reason"] = .string(reason) }
            outcome = Outcome(output: .object(output), usage: Usage())
        case .humanInput(let request):
            let answer = try await context.interrupt(key + "/request", try approvalRequest(request, kind: .input, arguments: input, document: document))
            guard answer.decision == .approved || (answer.decision == .expired && answer.value != nil) else { throw Self.refused(answer) }
            outcome = Outcome(output: answer.value ?? .null, usage: Usage())
        case .map(let over, let template, let concurrency, let collect):
            outcome = try await MapRunner(nodes: self).run(node, over: over, template: template, maxConcurrency: concurrency,
                                                           collectErrors: collect, document: document)
        case .sink:
            throw NodeFailure(kind: .error, message: "a sink node is run by the scheduler", retryable: false)
        }
        if let schema = node.outputSchema {
            let problems = try JSONSchema(schema).validate(outcome.output)
            if !problems.isEmpty {
                throw NodeFailure(kind: .schema, message: "output does not match output_schema: \(problems.prefix(3).map(\.description).joined(separator: "; "))")
            }
        }
        return outcome
    }

    private func child(_ key: String, program: String, input: JSONValue, what: String,
                       output: (JSONValue) -> JSONValue) async throws -> Outcome {
        let record = try await context.child(key + "/run", program: program, input: input)
        guard record.status == .completed else {
            throw NodeFailure(kind: .child, message: "\(what) \(record.status.rawValue): \(record.error ?? "no output") (run \(record.id))")
        }
        return Outcome(output: output(record.output ?? .null), usage: record.usage)
    }

    private func approvalRequest(_ node: InterruptNode, kind: ApprovalRequest.Kind, arguments: JSONValue?,
                                 document: JSONValue) throws -> ApprovalRequest {
        let rendered = try node.summary.render(document)
        let now = context.now
        return ApprovalRequest(kind: kind, arguments: arguments ?? .null, summary: rendered.stringValue ?? rendered.jsonString,
                               answerSchema: node.answerSchema, defaultAnswer: node.defaultAnswer, approvers: node.approvers,
                               requestedAt: now, expiresAt: node.expiresIn.map { now.addingTimeInterval($0) }, onExpiry: node.onExpiry)
    }

    static func search(_ expression: JMESPath, _ document: JSONValue) throws -> JSONValue {
        do { return try expression.search(document) } catch {
            throw NodeFailure(kind: .error, message: "expression '\(expression.expression)' failed: \(error)")
        }
    }

    private static func refused(_ answer: ApprovalAnswer) -> NodeFailure {
        let reason = answer.reason.map { ": \($0)" } ?? ""
        return NodeFailure(kind: .error, message: answer.decision == .expired ? "expired unanswered\(reason)" : "rejected by \(answer.by)\(reason)",
                           retryable: false)
    }

    static func failure(_ error: any Error) -> NodeFailure {
        switch error {
        case let f as NodeFailure: return f
        case let e as ValueTemplateError: return NodeFailure(kind: .error, message: "input: \(e)")
        case let e as ApprovalNotGranted: return NodeFailure(kind: .error, message: e.description, retryable: false)
        case let e as ToolError: return NodeFailure(kind: e.codeName == "timeout" ? .timeout : .tool, message: e.message)
        case let e as RuntimeError: return NodeFailure(kind: .child, message: e.message)
        default: return NodeFailure(kind: .error, message: "\(error)")
        }
    }

    static func encode(_ outcome: Outcome) -> JSONValue {
        outcome.usage == Usage() ? ["output": outcome.output] : ["output": outcome.output, "usage": outcome.usage.json]
    }

    static func decode(_ recorded: JSONValue?) -> Outcome {
        Outcome(output: recorded?["output"] ?? .null, usage: recorded?["usage"].flatMap { try? Usage(json: $0) } ?? Usage())
    }

    static func ms(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return ((Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15) * 1000).rounded() / 1000
    }

    static func seconds(_ s: Double) -> String { s.rounded() == s ? "\(Int(s))s" : "\(s)s" }
}

import AviaryCore
import Foundation
import Logging

/// Runs one tool call as a kernel step (``RunContext/journaled(_:_:subject:prelude:skipped:_:)``):
/// the tool's policy gives the step's durability (pure → computation, idempotent, or
/// non-idempotent); an approval rule puts an interrupt before the call; validation, timeout,
/// retries and events are the executor's.
struct ToolExecutor: Sendable {
    /// The run's kernel context.
    let run: RunContext
    /// What tools see of the run.
    let context: ToolContext
    /// Where calls of tools whose body blocks its thread run (``ToolPolicy/blocking``).
    let pool: BlockingToolPool
    /// Paces the backoff between retries (injected in tests).
    let clock: any Clock<Duration>
    /// The agent's approval rules by tool name (``ApprovalRule``).
    var approvals: [String: ApprovalRule] = [:]

    var journal: RunJournal { run.journal }

    /// The outcome of a call: what the model sees, plus usage spent (delegation).
    struct Outcome: Sendable {
        /// Set when the call waits for a person instead (a sibling of parallel calls finishes first).
        var waiting: RuntimeError?
        var result: ToolResult
        var usage: Usage?

        init(result: ToolResult, usage: Usage? = nil) {
            self.result = result
            self.usage = usage
        }
    }

    func execute(_ call: ToolCall, tool: PreparedTool?, stepKey: String) async throws -> Outcome {
        // An unknown tool fails without running: idempotent, not pure.
        let policy = tool?.tool.policy ?? .readOnly
        if journal.entry(stepKey) == nil, let tool, let rule = approvalRule(for: call, policy: tool.tool.policy) {
            let answer = try await run.interrupt(Self.approvalKey(stepKey), approvalRequest(call, rule: rule))
            if answer.decision != .approved {
                let reason = answer.reason.map { ": \($0)" } ?? ""
                let why = answer.decision == .expired ? "the approval request expired before anyone decided\(reason)"
                                                      : "the call was rejected by \(answer.by)\(reason)"
                let outcome = Outcome(result: ToolResult(callID: call.id, name: call.name, content: """
                    Error: not run: \(why). Do not call it again for this request; tell the user it was not done and why.
                    """, isError: true))
                try await journal.record(stepKey, .completed, output: Self.encodeOutcome(outcome))
                return outcome
            }
        }
        // A pure call is computation in this process: held steps stay held across it
        // (`ToolPolicy.pure`). Resume must find a non-idempotent call started before it runs
        // (written with the held steps). For an idempotent tool a `started` step and no step resume
        // the same way (the call runs again), so only the held steps are written, with the queued events.
        let durability: StepDurability = policy.pure ? .computation : policy.idempotent ? .idempotent : .nonIdempotent
        return try await run.journaled(
            stepKey, durability, subject: "tool '\(call.name)'",
            prelude: { await journal.emit(ToolStartedEvent(callID: call.id, name: call.name, arguments: call.arguments, step: stepKey)) },
            skipped: { Self.encodeOutcome(Outcome(result: ToolResult(callID: call.id, name: call.name, content: ToolOutput($0).modelText))) },
            encode: Self.encodeOutcome, decode: { Self.decodeOutcome($0, call: call) }
        ) { try await perform(call, tool: tool, stepKey: stepKey) }
    }

    /// The call itself, with its events: a tool's failure is an outcome the model sees.
    private func perform(_ call: ToolCall, tool: PreparedTool?, stepKey: String) async throws -> Outcome {
        let start = ContinuousClock.now
        let outcome: Outcome
        let delegate = (tool?.tool as? AgentTool)?.agent.name
        if let delegate {
            await journal.emit(DelegationStartedEvent(agent: delegate, callID: call.id, childRunID: journal.runID.child(stepKey)))
        }
        do {
            let output = try await invoke(call, tool: tool, stepKey: stepKey)
            outcome = Outcome(result: ToolResult(callID: call.id, name: call.name, content: output.modelText), usage: output.usage)
            await journal.emit(ToolFinishedEvent(callID: call.id, name: call.name, output: outcome.result.content,
                                                 durationMS: Self.ms(since: start)))
        } catch let error as RuntimeError where error.stopsRun {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            let message = callerMessage(for: error, call: call)
            outcome = Outcome(result: ToolResult(callID: call.id, name: call.name, content: "Error: \(message)", isError: true))
            // The model named a tool the agent does not have (`unknown_tool`): the name is the
            // model's invention, so consumers (metrics labels) must not treat it as a tool.
            await journal.emit(ToolFailedEvent(callID: call.id, name: call.name, arguments: call.arguments, error: message,
                                               durationMS: Self.ms(since: start), unknownTool: tool == nil))
        }
        if let delegate {
            await journal.emit(DelegationFinishedEvent(agent: delegate, childRunID: journal.runID.child(stepKey),
                                                       isError: outcome.result.isError))
        }
        return outcome
    }

    func invoke(_ call: ToolCall, tool: PreparedTool?, stepKey: String) async throws -> ToolOutput {
        guard let tool else { throw ToolError.unknownTool("unknown tool '\(call.name)'") }
        if let raw = call.invalidArguments {
            throw ToolError.invalidArguments("arguments are not valid JSON: \(raw.prefix(200))")
        }
        if let problems = tool.violations(of: call.arguments) {
            throw ToolError.invalidArguments("invalid arguments for '\(call.name)': \(problems)")
        }
        var ctx = context
        ctx.callID = call.id
        ctx.idempotencyKey = "\(journal.runID.rawValue)/\(stepKey)"
        let policy = tool.tool.policy
        var attempt = 0
        while true {
            do {
                let t = tool.tool
                let arguments = call.arguments
                let callContext = ctx
                let pool = policy.blocking ? self.pool : nil
                return try await withDeadline(seconds: policy.timeout) {
                    guard let pool else { return try await t.call(arguments: arguments, context: callContext) }
                    return try await pool.run { try await t.call(arguments: arguments, context: callContext) }
                }
            } catch let deadline as ToolDeadlineExceeded {
                guard policy.idempotent else {
                    // the abandoned attempt may still be running: calling again could do it twice
                    throw RuntimeError(.needsAttention, """
                        step \(stepKey) calls non-idempotent tool '\(call.name)', which \(deadline.toolError.message) and may \
                        still be running; check what it did, then decide with \
                        `aviary runs resume \(journal.runID) --retry | --skip-with JSON | --fail`
                        """)
                }
                guard attempt < policy.retries else { throw deadline.toolError }
                attempt += 1
            } catch let error as ToolError where error.isRetryable && policy.idempotent && attempt < policy.retries {
                attempt += 1
            } catch let error where !(error is ToolError) && !(error is CancellationError) && !(error is RuntimeError)
                && policy.idempotent && attempt < policy.retries {
                attempt += 1
            }
            let delay = policy.backoff * pow(2, Double(attempt - 1)) * Double.random(in: 0.5...1.0)
            try await clock.sleep(for: .milliseconds(Int(delay * 1000)))
        }
    }

    /// What the model, the run's events and their readers see of a tool's failure: a
    /// ``ToolError``'s own message (tools write it for the model), Aviary's own runtime messages,
    /// a ``CallerSafeError``'s caller description; any other error's description may carry host
    /// names, paths or upstream bodies, so it is logged under an error id and the caller sees only
    /// the id.
    func callerMessage(for error: any Error, call: ToolCall) -> String {
        switch error {
        case let error as ToolError: return error.description
        case let error as RuntimeError: return "failed: \(error.message)"
        case let error as any CallerSafeError:
            context.logger.error("tool call failed", metadata: ["tool": .string(call.name), "call_id": .string(call.id),
                                                                "error_id": .string(error.errorID), "error": .string("\(error)")])
            return "failed: \(error.callerDescription)"
        default:
            let id = "terr_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
            context.logger.error("tool call failed", metadata: ["tool": .string(call.name), "call_id": .string(call.id),
                                                                "error_id": .string(id), "error": .string(String(reflecting: error))])
            return "failed: the tool '\(call.name)' failed unexpectedly (error id \(id)); try another way or answer with what you have"
        }
    }

    static func ms(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return (Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15).rounded(toPlaces: 3)
    }

    static func encodeOutcome(_ o: Outcome) -> JSONValue {
        var object: [String: JSONValue] = ["content": .string(o.result.content), "is_error": .bool(o.result.isError)]
        if let u = o.usage { object["usage"] = u.json }
        return .object(object)
    }

    static func decodeOutcome(_ value: JSONValue?, call: ToolCall) -> Outcome {
        Outcome(result: ToolResult(callID: call.id, name: call.name, content: value?["content"]?.stringValue ?? "",
                                   isError: value?["is_error"]?.boolValue ?? false),
                usage: value?["usage"].flatMap { try? Usage(json: $0) })
    }
}

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        let m = pow(10, Double(places))
        return (self * m).rounded() / m
    }
}

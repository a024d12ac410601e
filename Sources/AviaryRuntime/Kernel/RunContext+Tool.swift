import AviaryCore
import Foundation

extension RunContext {
    /// Calls one of the runtime's tools as a journaled step (``step(_:_:_:)``), for programs that
    /// call tools themselves rather than through a model (a workflow's tool node). The tool's
    /// policy gives the step's durability (pure → computation, idempotent, non-idempotent), its
    /// timeout and its retries; the arguments are validated against the tool's schema first.
    ///
    /// With an `approval` rule that applies to the arguments — or without one, when the tool's
    /// policy is `risk: dangerous` — the call first waits for a person (``interrupt(_:_:)``, step
    /// `<key>/approval`); a rejected or expired request throws ``ApprovalNotGranted`` and the tool
    /// does not run. A failed call throws its ``ToolError`` (or, for other errors, a message safe to
    /// show callers); the step is recorded failed and a resume calls again.
    public func tool(_ key: String, name: String, arguments: JSONValue, approval: ApprovalRule? = nil) async throws -> ToolOutput {
        guard let tool = runtime.tools[name] else {
            if let missing = runtime.unavailableTools[name] { throw ToolError.unknownTool(missing.reason) }
            throw ToolError.unknownTool("unknown tool '\(name)'; known tools: \(runtime.tools.keys.sorted().joined(separator: ", "))")
        }
        let call = ToolCall(id: key, name: name, arguments: arguments)
        let policy = tool.tool.policy
        let executor = ToolExecutor(run: self, context: toolContext(), pool: runtime.toolPool, clock: runtime.clock,
                                    approvals: approval.map { [name: $0] } ?? [:])
        if journal.entry(key)?.state != .completed, let rule = executor.approvalRule(for: call, policy: policy) {
            let answer = try await interrupt(ToolExecutor.approvalKey(key), executor.approvalRequest(call, rule: rule))
            if answer.decision != .approved { throw ApprovalNotGranted(answer: answer, tool: name) }
        }
        let durability: StepDurability = policy.pure ? .computation : policy.idempotent ? .idempotent : .nonIdempotent
        return try await journaled(key, durability, subject: "tool '\(name)'",
                                   prelude: { await journal.emit(ToolStartedEvent(callID: key, name: name, arguments: arguments, step: key)) },
                                   skipped: { $0 },
                                   encode: Self.encode, decode: Self.decode) {
            let start = ContinuousClock.now
            do {
                let output = try await executor.invoke(call, tool: tool, stepKey: key)
                await journal.emit(ToolFinishedEvent(callID: key, name: name, output: output.modelText, durationMS: ToolExecutor.ms(since: start)))
                return output
            } catch let error as RuntimeError where error.stopsRun {
                throw error
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                let message = executor.callerMessage(for: error, call: call)
                await journal.emit(ToolFailedEvent(callID: key, name: name, arguments: arguments, error: message,
                                                   durationMS: ToolExecutor.ms(since: start)))
                throw (error as? ToolError) ?? ToolError.failed(message)
            }
        }
    }

    /// A tool step's record: `{"content": …, "usage": …}` (``ToolOutput``'s coding keys), built
    /// directly rather than through an encoder (a workflow records one per tool node).
    static func encode(_ output: ToolOutput) -> JSONValue {
        guard let usage = output.usage else { return ["content": output.content] }
        return ["content": output.content, "usage": usage.json]
    }

    static func decode(_ recorded: JSONValue) -> ToolOutput {
        ToolOutput(recorded["content"] ?? .null, usage: recorded["usage"].flatMap { try? Usage(json: $0) })
    }

    /// The policy of one of the runtime's tools (`nil`: no such tool).
    public func toolPolicy(named name: String) -> ToolPolicy? { runtime.tools[name]?.tool.policy }

    /// The project's agent of this name, as the runtime has it now.
    public func agent(named name: String) -> AgentDefinition? { runtime.catalog.agent(named: name) }

    /// Waits on the runtime's clock (injected in tests): a program's backoff between attempts.
    public func sleep(for duration: Duration) async throws { try await runtime.clock.sleep(for: duration) }

    /// What a tool called by this run sees of it.
    func toolContext() -> ToolContext {
        ToolContext(runID: runID, tenant: tenant, sessionID: sessionID, workspace: workspace,
                    tenantWorkspaces: workspace == nil ? nil : runtime.workspaces(ofTenant: tenant), idempotencyKey: runID.rawValue,
                    callID: "", logger: logger,
                    values: ["principal": principal, AgentRuntime.delegationChainKey: chain.joined(separator: AgentRuntime.chainSeparator)],
                    isResumedRun: isResumed)
    }
}

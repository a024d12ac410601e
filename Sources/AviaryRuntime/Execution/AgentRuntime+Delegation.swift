import AviaryCore
import Foundation

extension AgentRuntime {
    /// The tool-context value naming the agents whose delegations led to a run, outermost first.
    static let delegationChainKey = "delegation_chain"
    static let chainSeparator = " → "

    /// Runs (or resumes) the child run of a delegation step; its id is derived from the parent's step,
    /// so a resumed parent finds the same child.
    func runChild(agent: AgentDefinition, question: String, context: ToolContext) async throws -> ToolOutput {
        let record = try await runChild(program: agent.name, input: ["question": .string(question)], context: context)
        guard record.status == .completed else {
            throw ToolError.failed("agent '\(agent.name)' \(record.status.rawValue): \(record.error ?? "no answer")")
        }
        let text = record.output?.stringValue ?? record.output?.jsonString ?? ""
        return ToolOutput(.string(text), usage: record.usage)
    }

    /// Runs (or resumes) the child run of a tool call's step: a delegation, or a program called as
    /// a tool. A child that stops to wait (or needs attention, …) stops the caller the same way.
    func runChild(program: String, input: JSONValue, context: ToolContext) async throws -> RunRecord {
        let stepKey = String(context.idempotencyKey.dropFirst(context.runID.rawValue.count + 1))
        let chain = (context.values[Self.delegationChainKey] ?? "").components(separatedBy: Self.chainSeparator).filter { !$0.isEmpty }
        let request = ChildRunRequest(parent: context.runID, key: stepKey, tenant: context.tenant,
                                      principal: context.values["principal"] ?? "local", sessionID: context.sessionID,
                                      parentResumed: context.isResumedRun, chain: chain, program: program, input: input)
        let record = try await childRun(request)
        if let stop = ChildRunRequest.stop(for: record, program: program) { throw stop }
        return record
    }

    /// Runs, resumes or finds a child run. On the parent's first execution no child can exist yet
    /// (the parent's id is new), so the lookup is skipped. Refused (a ``ToolError``) beyond the
    /// nesting limit and when the tenant's executing runs are at the admission limit.
    func childRun(_ request: ChildRunRequest) async throws -> RunRecord {
        // The chain holds the calling run's program: n programs in it are n - 1 delegations deep.
        if request.chain.count > limits.maxDelegationDepth {
            throw ToolError.failed("""
                delegation to '\(request.program)' refused: \(limits.maxDelegationDepth) delegations are already nested \
                (\((request.chain + [request.program]).joined(separator: Self.chainSeparator))); answer with what you have \
                (agents that delegate to each other in a cycle end here; limits.max_delegation_depth)
                """)
        }
        if let admission = limits.admission {
            guard admission.tryAcquire(tenant: request.tenant) else {
                throw ToolError.failed("""
                    delegation to '\(request.program)' refused: the tenant already has \(admission.limit) runs executing; \
                    answer with what you have or try again later
                    """)
            }
        }
        defer { limits.admission?.release(tenant: request.tenant) }
        let childID = request.childID
        if request.parentResumed, let existing = try await runs.loadRun(childID, tenant: request.tenant) {
            return existing.status == .completed ? existing : try await resume(childID, tenant: request.tenant)
        }
        let run = RunRequest(agent: request.program, input: request.input, tenant: request.tenant, principal: request.principal,
                             sessionID: request.sessionID, runID: childID)
        return try await start(run, parent: request.parent, streamDeltas: false, delegation: true, delegationChain: request.chain)
    }
}

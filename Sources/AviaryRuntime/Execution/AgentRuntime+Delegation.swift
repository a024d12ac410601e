import AviaryCore
import Foundation

extension AgentRuntime {
    /// The tool-context value naming the agents whose delegations led to a run, outermost first.
    static let delegationChainKey = "delegation_chain"
    static let chainSeparator = " → "

    /// Runs (or resumes) the child run of a delegation step; its id is derived from the parent's step,
    /// so a resumed parent finds the same child. On the parent's first execution no child can exist
    /// yet (the parent's id is new), so the lookup is skipped.
    func runChild(agent: AgentDefinition, question: String, context: ToolContext) async throws -> ToolOutput {
        let stepKey = String(context.idempotencyKey.dropFirst(context.runID.rawValue.count + 1))
        let childID = context.runID.child(stepKey)
        let chain = (context.values[Self.delegationChainKey] ?? "").components(separatedBy: Self.chainSeparator).filter { !$0.isEmpty }
        // The chain holds the calling run's agent: n agents in it are n - 1 delegations deep.
        if chain.count > limits.maxDelegationDepth {
            throw ToolError.failed("""
                delegation to '\(agent.name)' refused: \(limits.maxDelegationDepth) delegations are already nested \
                (\((chain + [agent.name]).joined(separator: Self.chainSeparator))); answer with what you have \
                (agents that delegate to each other in a cycle end here; limits.max_delegation_depth)
                """)
        }
        if let admission = limits.admission {
            guard admission.tryAcquire(tenant: context.tenant) else {
                throw ToolError.failed("""
                    delegation to '\(agent.name)' refused: the tenant already has \(admission.limit) runs executing; \
                    answer with what you have or try again later
                    """)
            }
        }
        defer { limits.admission?.release(tenant: context.tenant) }
        let record: RunRecord
        if context.isResumedRun, let existing = try await runs.loadRun(childID, tenant: context.tenant) {
            record = existing.status == .completed ? existing : try await resume(childID, tenant: context.tenant)
        } else {
            let request = RunRequest(agent: agent.name, input: ["question": .string(question)], tenant: context.tenant,
                                     principal: context.values["principal"] ?? "local", sessionID: context.sessionID, runID: childID)
            record = try await start(request, parent: context.runID, streamDeltas: false, delegation: true, delegationChain: chain)
        }
        switch record.status {
        case .completed:
            let text = record.output?.stringValue ?? record.output?.jsonString ?? ""
            return ToolOutput(.string(text), usage: record.usage)
        case .needsAttention:
            throw RuntimeError(.needsAttention, "delegated run \(childID) (\(agent.name)) needs attention: \(record.error ?? "")")
        case .waiting:
            // the child waits for a person: so does its parent; an answer resumes the parent, which resumes the child
            throw RuntimeError(.waiting, "delegated run \(childID) (\(agent.name)) waits for approval")
        case .interrupted:
            throw RuntimeError(.interrupted, "delegated run \(childID) (\(agent.name)) was interrupted; resume to continue")
        case .cancelled:
            throw RuntimeError(.cancelled, "delegated run \(childID) (\(agent.name)) was cancelled")
        default:
            throw ToolError.failed("agent '\(agent.name)' \(record.status.rawValue): \(record.error ?? "no answer")")
        }
    }
}

import AviaryCore

extension AgentRuntime {
    /// Runs (or resumes) the child run of a delegation step; its id is derived from the parent's step,
    /// so a resumed parent finds the same child. On the parent's first execution no child can exist
    /// yet (the parent's id is new), so the lookup is skipped.
    func runChild(agent: AgentDefinition, question: String, context: ToolContext) async throws -> ToolOutput {
        let stepKey = String(context.idempotencyKey.dropFirst(context.runID.rawValue.count + 1))
        let childID = context.runID.child(stepKey)
        let record: RunRecord
        if context.isResumedRun, let existing = try await runs.loadRun(childID, tenant: context.tenant) {
            record = existing.status == .completed ? existing : try await resume(childID, tenant: context.tenant)
        } else {
            let request = RunRequest(agent: agent.name, input: ["question": .string(question)], tenant: context.tenant,
                                     principal: context.values["principal"] ?? "local", sessionID: context.sessionID, runID: childID)
            record = try await start(request, parent: context.runID, streamDeltas: false, delegation: true)
        }
        switch record.status {
        case .completed:
            let text = record.output?.stringValue ?? record.output?.jsonString ?? ""
            return ToolOutput(.string(text), usage: record.usage)
        case .needsAttention:
            throw RuntimeError(.needsAttention, "delegated run \(childID) (\(agent.name)) needs attention: \(record.error ?? "")")
        case .interrupted:
            throw RuntimeError(.interrupted, "delegated run \(childID) (\(agent.name)) was interrupted; resume to continue")
        case .cancelled:
            throw RuntimeError(.cancelled, "delegated run \(childID) (\(agent.name)) was cancelled")
        default:
            throw ToolError.failed("agent '\(agent.name)' \(record.status.rawValue): \(record.error ?? "no answer")")
        }
    }
}

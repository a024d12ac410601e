import AviaryCore
import Foundation

/// An agent's run as a kernel program: the `simple` kind (one structured call with a repair
/// retry) or the `react` kind (the tool loop, with delegation to other agents as child runs),
/// then the session's transcript commit.
struct AgentProgram: RunProgram {
    let agent: AgentDefinition
    let runtime: AgentRuntime

    var name: String { agent.name }

    func run(in context: RunContext) async throws -> RunResult {
        let execution = try await runtime.prepare(agent, context: context)
        let outcome = agent.kind == .simple ? try await execution.simple() : try await execution.react()
        try await commitSession(outcome, context: context)
        return RunResult(output: outcome.output, usage: outcome.usage)
    }

    /// Appends the turn to the session transcript and counters, once (an idempotent step: the
    /// answer is durable before the transcript shows it).
    private func commitSession(_ outcome: RunExecution.Outcome, context: RunContext) async throws {
        guard let sessionID = context.sessionID else { return }
        _ = try await context.journaled("session/commit", .idempotent) {
            try await runtime.sessions.appendTranscript(sessionID: sessionID, tenant: context.tenant, agent: agent.name,
                                                        messages: outcome.messages)
            if context.parentRunID == nil {
                try await runtime.sessions.addTurn(sessionID: sessionID, tenant: context.tenant, usage: outcome.usage)
            }
            return .null
        }
    }
}

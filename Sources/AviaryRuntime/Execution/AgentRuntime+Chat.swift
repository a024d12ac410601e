import AviaryCore
import Foundation

extension AgentRuntime {
    /// One chat turn: continues the caller's session (or starts one), runs the agent with the
    /// session's history, and returns the answer with the session's counters.
    public func chat(_ request: ChatRequest) async throws -> ChatResult {
        var session: SessionRecord
        if let id = request.sessionID, let existing = try await sessions.loadSession(id, tenant: request.tenant) {
            session = existing
        } else {
            session = SessionRecord(tenant: request.tenant, userID: request.userID, principal: request.principal)
            try await sessions.createSession(session)
        }
        let run = try await run(RunRequest(agent: request.agent, input: ["question": .string(request.question)],
                                           tenant: request.tenant, principal: request.principal, sessionID: session.id,
                                           runID: request.runID))
        session = try await sessions.loadSession(session.id, tenant: request.tenant) ?? session
        let text = run.status == .completed ? (run.output?.stringValue ?? run.output?.jsonString ?? "") : ""
        return ChatResult(session: session, run: run, response: text)
    }
}

import AviaryCore
import AviaryRuntime
import AviaryWorkflows
import Hummingbird

extension ChatRoutes {
    /// `/chat` bound to a HIL workflow (`server.chat_workflow`): the session is a conversation
    /// with the workflow. `response` is the AI's answer or the handover note, or — while a person
    /// has the conversation — the human agents' replies the user has not seen yet (those written
    /// after the user's previous message); the metadata says the conversation's state.
    func conversationChat(_ workflow: String, question: String, userID: String, sessionID: String?, identity: Identity) async throws -> Response {
        let orchestrator = try env.conversations()
        var conversation: ConversationRecord?
        if let sessionID, let found = try await orchestrator.store.loadConversation(sessionID, tenant: identity.tenant),
           identity.mayAccess(tenant: found.tenant, owner: found.principal) {
            conversation = found
        }
        let turn = try await env.conversationCall { () -> ConversationTurn in
            let c: ConversationRecord
            if let conversation { c = conversation } else {
                c = try await orchestrator.start(workflow: workflow, tenant: identity.tenant, principal: identity.principal, userID: userID)
            }
            return try await orchestrator.post(question, to: c.id, tenant: identity.tenant)
        }
        let c = turn.conversation
        var text = turn.replies.map(\.text).joined(separator: "\n\n")
        if turn.replies.isEmpty {
            let messages = try await orchestrator.store.loadConversationMessages(c.id, tenant: c.tenant, after: 0, limit: 100_000)
            let users = messages.filter { $0.role == .user }
            let previous = users.dropLast().last?.seq ?? 0
            let unseen = messages.filter { $0.role == .human && $0.seq > previous && $0.seq < (users.last?.seq ?? .max) }
            text = unseen.map(\.text).joined(separator: "\n\n")
            if text.isEmpty {
                text = c.state == .humanActive ? "Your message was passed to a member of our team, who will reply here."
                    : c.state == .pendingHuman ? "You are in the queue for a member of our team, who will reply here." : ""
            }
        }
        let runID = turn.replies.compactMap(\.runID).first
        var usage = Usage()
        if let runID, let run = try await env.runtime.loadRun(RunID(runID), tenant: c.tenant) { usage = run.usage }
        guard var metadata = usage.wire.objectValue else { throw APIError(.internalServerError, code: "internal", "usage is not an object") }
        metadata["conversation_state"] = .string(c.state.rawValue)
        metadata["handed_over"] = .bool(turn.handedOver)
        var body: [String: JSONValue] = ["sessionId": .string(c.id), "response": .string(text), "metadata": .object(metadata)]
        if let runID { body["runId"] = .string(runID) }
        return Response.json(.object(body))
    }
}

import AviaryCore
import Foundation

extension ConversationOrchestrator {
    /// What a change adds besides the machine's own changes and events.
    struct Extra {
        var messages: [ConversationMessage] = []
    }

    /// A change the closure decided not to make (the conversation moved on).
    struct Skip: Error {}

    /// Applies `body` to the stored conversation and commits the result, re-reading and trying
    /// again when another change won the race. The machine's actions that are part of the write
    /// (an assignment, releases, inbox events) go into it; the others are returned.
    @discardableResult
    func change(_ id: String, tenant: String, assigning: Bool = false,
                _ body: (inout ConversationMachine, inout Extra) throws -> [ConversationMachine.Action]) async throws
        -> (ConversationCommit, [ConversationMachine.Action]) {
        for _ in 0..<50 {
            let current = try await conversation(id, tenant: tenant)
            var machine = ConversationMachine(current)
            var extra = Extra()
            let actions: [ConversationMachine.Action]
            do { actions = try body(&machine, &extra) } catch let e as ConversationTransitionError { throw ConversationError.transition(e) }
            var change = ConversationChange(conversation: machine.conversation, expectedVersion: current.version,
                                            messages: extra.messages, events: machine.events)
            let now = clock()
            for action in actions {
                switch action {
                case .notifyAssigned(let agent):
                    change.assign = agent
                    change.inbox.append((agent, InboxEvent(kind: .assigned, conversationID: id, data: .object([:]), time: now)))
                case .notifyUnassigned(let agent):
                    let ending = machine.events.last { $0.kind == .resolved || $0.kind == .backToAI }
                    let data: JSONValue = .object(["reason": .string(ending?.kind == .backToAI ? "back_to_ai" : "resolved"),
                                                   "note": ending?.data["note"] ?? .null])
                    change.inbox.append((agent, InboxEvent(kind: .unassigned, conversationID: id, data: data, time: now)))
                case .release(let agent):
                    change.release.append(agent)
                case .deliverToAgent(let agent):
                    for (i, m) in extra.messages.enumerated() where m.role == .user {
                        change.inbox.append((agent, InboxEvent(kind: .message, conversationID: id,
                                                               data: .object(["message_index": .number(Double(i))]), time: now)))
                    }
                case .startAIRun, .holdForAgent, .enqueue, .drainQueue:
                    break
                }
            }
            guard let commit = try await store.commit(change) else {
                if assigning, change.assign != nil { throw AssignmentLost() }
                continue
            }
            signals.notify(ChangeSignals.conversation(id, tenant: tenant))
            for (agent, _) in change.inbox { signals.notify(ChangeSignals.inbox(agent, tenant: tenant)) }
            return (commit,
                    actions.filter { [.enqueue, .drainQueue].contains($0) || { if case .startAIRun = $0 { true } else { false } }($0) })
        }
        throw ConversationError.invalidInput("conversation \(id) is changing too fast to apply this change; try again")
    }

    /// An assignment whose agent filled up or went away while it was being written.
    struct AssignmentLost: Error {}

    /// Performs the actions a stored change returned (the AI runs are started by the caller).
    func perform(_ actions: [ConversationMachine.Action], _ c: ConversationRecord) async throws {
        for action in actions {
            switch action {
            case .enqueue: _ = try await assignNext(c.id, tenant: c.tenant)
            case .drainQueue: try await drain(tenant: c.tenant)
            default: break
            }
        }
    }
}

import Foundation

/// Persistence of human-in-the-loop conversations, their messages and events, human agents and
/// their inboxes. Every read and write is scoped to a tenant; another tenant's rows read as absent.
public protocol ConversationStore: Sendable {
    /// Inserts a new conversation (version 0).
    func createConversation(_ conversation: ConversationRecord) async throws
    /// A tenant's conversation; `nil` when absent or foreign.
    func loadConversation(_ id: String, tenant: String) async throws -> ConversationRecord?
    /// Applies a change atomically; `nil` when the conversation changed since `expectedVersion`
    /// or the agent to assign is not online with room left (nothing is written then).
    func commit(_ change: ConversationChange) async throws -> ConversationCommit?
    /// A conversation's messages after `after`, oldest first.
    func loadConversationMessages(_ id: String, tenant: String, after: Int, limit: Int) async throws -> [ConversationMessage]
    /// A conversation's events after `after`, oldest first.
    func loadConversationEvents(_ id: String, tenant: String, after: Int, limit: Int) async throws -> [ConversationEvent]
    /// Conversations in `state`, in one tenant or (`nil`) across tenants, oldest change first.
    func conversations(in state: ConversationState, tenant: String?, limit: Int) async throws -> [ConversationRecord]
    /// The conversations a human agent has.
    func conversations(assignedTo agent: String, tenant: String) async throws -> [ConversationRecord]

    /// Inserts a human agent; throws ``HumanAgentEmailTaken`` when the tenant has the email already.
    func createHumanAgent(_ agent: HumanAgent) async throws
    /// A tenant's human agent.
    func loadHumanAgent(_ id: String, tenant: String) async throws -> HumanAgent?
    /// A tenant's human agents, oldest first.
    func humanAgents(tenant: String) async throws -> [HumanAgent]
    /// Saves an agent's name, email, status, skills, capacity and principal (never its load, which
    /// only ``commit(_:)`` changes); throws ``HumanAgentEmailTaken`` on a clash. False when absent.
    func updateHumanAgent(_ agent: HumanAgent) async throws -> Bool
    /// Deletes a human agent that holds no conversation (false when absent or still holding one).
    func deleteHumanAgent(_ id: String, tenant: String) async throws -> Bool
    /// A human agent's inbox events after `after`, oldest first.
    func loadInboxEvents(agent: String, tenant: String, after: Int, limit: Int) async throws -> [InboxEvent]
}

/// Another human agent of the tenant has this email.
public struct HumanAgentEmailTaken: Error, Sendable, CustomStringConvertible {
    /// The email.
    public var email: String
    /// Creates the error.
    public init(email: String) { self.email = email }
    public var description: String { "a human agent with the email \(email) exists already" }
}

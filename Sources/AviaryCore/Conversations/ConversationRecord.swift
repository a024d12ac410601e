import Foundation

/// A conversation as stored: who it belongs to, its state machine's fields (seed 003's `is_hil`,
/// `hil_reason`, `assigned_agent_id`, `handover_context`, `confidence_score`) and the bookkeeping
/// the orchestrator needs. Its messages and events are stored beside it.
public struct ConversationRecord: Sendable, Hashable {
    /// The conversation's id.
    public var id: String
    /// The tenant it belongs to.
    public var tenant: String
    /// The API principal that owns it.
    public var principal: String
    /// The end user it is with.
    public var userID: String
    /// The HIL workflow that answers it.
    public var workflow: String
    /// The state machine's state.
    public var state: ConversationState
    /// Why it went to a person, while or after it did.
    public var hilReason: HandoverReason?
    /// The human agent that has it.
    public var assignedAgentID: String?
    /// What the human agent is told (seed 003's `handover_context`).
    public var handover: HandoverContext?
    /// The last AI turn's confidence.
    public var confidenceScore: Double?
    /// The skills an agent needs to take it from the queue.
    public var requiredSkills: [String]
    /// Its place in the queue: higher first.
    public var priority: Int
    /// Since when it waits for a human (the queue's age).
    public var pendingSince: Date?
    /// True once its wait passed the SLA (reported once).
    public var slaBreached: Bool
    /// AI turns that failed in a row.
    public var consecutiveErrors: Int
    /// The note a human agent left when giving it back to the AI; the next AI run receives it.
    public var aiNote: String?
    /// The AI run answering it now (while `ai_processing`).
    public var activeRunID: String?
    /// Passed to every AI run as the workflow input's `context`.
    public var context: JSONValue?
    /// Free-form metadata given at creation.
    public var metadata: JSONValue?
    /// Bumped by every change: writes are conditional on it, so concurrent changes never lose each other.
    public var version: Int
    /// When it was created.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date

    /// Creates a new conversation.
    public init(id: String, tenant: String, principal: String, userID: String, workflow: String, state: ConversationState = .new,
                context: JSONValue? = nil, metadata: JSONValue? = nil, createdAt: Date) {
        self.id = id
        self.tenant = tenant
        self.principal = principal
        self.userID = userID
        self.workflow = workflow
        self.state = state
        self.hilReason = nil
        self.assignedAgentID = nil
        self.handover = nil
        self.confidenceScore = nil
        self.requiredSkills = []
        self.priority = 0
        self.pendingSince = nil
        self.slaBreached = false
        self.consecutiveErrors = 0
        self.aiNote = nil
        self.activeRunID = nil
        self.context = context
        self.metadata = metadata
        self.version = 0
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }

    /// True while a person owns it (seed 003's `is_hil`).
    public var isHIL: Bool { state.isHIL }
}

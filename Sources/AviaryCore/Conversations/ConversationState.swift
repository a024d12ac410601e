/// Where a conversation is in seed 003's human-in-the-loop state machine:
/// `new → ai_processing → finished | handover → pending_human → human_active → resolved | back_to_ai → ai_processing`.
public enum ConversationState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Created, no message handled yet.
    case new
    /// The AI workflow is answering the user's last message.
    case aiProcessing = "ai_processing"
    /// The AI answered; the next user message starts another AI turn.
    case finished
    /// The AI handed the conversation over (passed through on the way to the queue).
    case handover
    /// Waiting in the queue for a human agent (`is_hil` is true).
    case pendingHuman = "pending_human"
    /// A human agent has it; user messages go to that agent, never to a model.
    case humanActive = "human_active"
    /// A human agent closed it. A later user message reopens it with the AI.
    case resolved
    /// A human agent gave it back to the AI; the next user message starts an AI turn with the agent's note.
    case backToAI = "back_to_ai"

    /// True while a person owns the conversation (`is_hil`).
    public var isHIL: Bool { self == .handover || self == .pendingHuman || self == .humanActive }
}

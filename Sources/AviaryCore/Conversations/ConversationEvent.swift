import Foundation

/// One entry of a conversation's event stream (`GET /api/v1/conversations/{id}/events`): state
/// changes, messages and the queue's decisions, numbered from 1 per conversation.
public struct ConversationEvent: Sendable, Hashable {
    /// What happened.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The state changed: `{from, to, reason?}`.
        case stateChanged = "conversation.state_changed"
        /// A message was added: `{message}`.
        case message = "conversation.message"
        /// The AI handed the conversation over: `{reason, required_skills, confidence}`.
        case handover = "hil.handover"
        /// It waits in the queue: `{required_skills, priority}`.
        case queued = "hil.queued"
        /// A human agent has it: `{agent_id, agent_name}`.
        case assigned = "hil.assigned"
        /// Its agent let it go (deleted): `{agent_id}`.
        case unassigned = "hil.unassigned"
        /// It waited longer than the SLA: `{waited_seconds, widened_to_general}`.
        case slaBreached = "hil.sla_breached"
        /// A human agent resolved it: `{note}`.
        case resolved = "hil.resolved"
        /// A human agent gave it back to the AI: `{note}`.
        case backToAI = "hil.back_to_ai"
    }

    /// Its number in the conversation's stream, from 1 (0 until stored).
    public var seq: Int
    /// What happened.
    public var kind: Kind
    /// The details.
    public var data: JSONValue
    /// When.
    public var time: Date

    /// Creates an event.
    public init(seq: Int = 0, kind: Kind, data: JSONValue, time: Date) {
        self.seq = seq
        self.kind = kind
        self.data = data
        self.time = time
    }
}

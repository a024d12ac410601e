import Foundation

/// One entry of a human agent's inbox stream (`GET /api/v1/hil/inbox/events`): conversations
/// assigned to it, taken from it, and user messages in the conversations it has.
public struct InboxEvent: Sendable, Hashable {
    /// Its number in the agent's stream, from 1 (0 until stored).
    public var seq: Int
    /// `hil.assigned`, `hil.unassigned` or `conversation.message`.
    public var kind: ConversationEvent.Kind
    /// The conversation it is about.
    public var conversationID: String
    /// The details.
    public var data: JSONValue
    /// When.
    public var time: Date

    /// Creates an event.
    public init(seq: Int = 0, kind: ConversationEvent.Kind, conversationID: String, data: JSONValue, time: Date) {
        self.seq = seq
        self.kind = kind
        self.conversationID = conversationID
        self.data = data
        self.time = time
    }
}

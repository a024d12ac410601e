import AviaryCore

/// What handling a user's message did: the conversation afterwards, and the messages added after
/// the user's (the AI's answer, or a note that a person takes over).
public struct ConversationTurn: Sendable {
    /// The conversation as stored after the turn.
    public var conversation: ConversationRecord
    /// The messages the turn added after the user's.
    public var replies: [ConversationMessage]
    /// True when this turn handed the conversation to a person.
    public var handedOver: Bool

    /// Creates a turn.
    public init(conversation: ConversationRecord, replies: [ConversationMessage], handedOver: Bool) {
        self.conversation = conversation
        self.replies = replies
        self.handedOver = handedOver
    }
}

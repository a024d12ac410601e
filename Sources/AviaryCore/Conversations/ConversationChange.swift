import Foundation

/// One atomic change of a conversation (``ConversationStore/commit(_:)``): the conversation as
/// it now is, written only if the stored one still has `expectedVersion`; the messages and
/// events it gained; a human agent taking it (only if that agent is online and has room); agents
/// letting conversations go; and inbox events for agents. All of it lands, or none of it.
public struct ConversationChange: Sendable {
    /// The conversation as it now is.
    public var conversation: ConversationRecord
    /// The version the change was made from.
    public var expectedVersion: Int
    /// New messages, numbered by the store after the last one; each is also announced by a
    /// `conversation.message` event after `events`.
    public var messages: [ConversationMessage]
    /// New events, numbered by the store after the last one.
    public var events: [ConversationEvent]
    /// A human agent that takes one more conversation; the change is refused when it is not
    /// online or has no room left.
    public var assign: String?
    /// Human agents that hold one conversation fewer.
    public var release: [String]
    /// Events for human agents' inboxes, by agent id (an event for an agent that no longer exists
    /// is dropped). A `conversation.message` event whose data is `{"message_index": i}` gets
    /// `{"message": …}` with the `i`th of ``messages`` as stored (numbered).
    public var inbox: [(agent: String, event: InboxEvent)]

    /// Creates a change of `conversation` from `expectedVersion`.
    public init(conversation: ConversationRecord, expectedVersion: Int, messages: [ConversationMessage] = [],
                events: [ConversationEvent] = [], assign: String? = nil, release: [String] = [],
                inbox: [(agent: String, event: InboxEvent)] = []) {
        self.conversation = conversation
        self.expectedVersion = expectedVersion
        self.messages = messages
        self.events = events
        self.assign = assign
        self.release = release
        self.inbox = inbox
    }
}

/// What a committed change stored: the conversation with its new version, and the messages and
/// events with their numbers.
public struct ConversationCommit: Sendable {
    /// The conversation as stored.
    public var conversation: ConversationRecord
    /// The messages, numbered.
    public var messages: [ConversationMessage]
    /// The events, numbered.
    public var events: [ConversationEvent]

    /// Creates a commit.
    public init(conversation: ConversationRecord, messages: [ConversationMessage], events: [ConversationEvent]) {
        self.conversation = conversation
        self.messages = messages
        self.events = events
    }
}

import Foundation

/// One message of a conversation.
public struct ConversationMessage: Sendable, Hashable {
    /// Who wrote a message.
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        /// The end user.
        case user
        /// The AI workflow.
        case ai
        /// A human agent.
        case human
        /// Aviary itself: handover notices, errors, notes.
        case system
    }

    /// Its position in the conversation, from 1.
    public var seq: Int
    /// Who wrote it.
    public var role: Role
    /// The text.
    public var text: String
    /// The human agent's id for `human` messages.
    public var author: String?
    /// The AI run that wrote an `ai` message.
    public var runID: String?
    /// When it was written.
    public var createdAt: Date

    /// Creates a message.
    public init(seq: Int = 0, role: Role, text: String, author: String? = nil, runID: String? = nil, createdAt: Date) {
        self.seq = seq
        self.role = role
        self.text = text
        self.author = author
        self.runID = runID
        self.createdAt = createdAt
    }

    /// The message as served and as a `conversation.message` event carries it.
    public var json: JSONValue {
        .object(["seq": .number(Double(seq)), "role": .string(role.rawValue), "text": .string(text),
                 "author": author.map(JSONValue.string) ?? .null, "run_id": runID.map(JSONValue.string) ?? .null,
                 "created_at": .string(RunEvent.timeFormat.format(createdAt))])
    }
}

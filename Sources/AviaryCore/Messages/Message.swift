/// One message of a conversation: a role and ordered parts.
public struct Message: Sendable, Hashable, Codable {
    /// Who produced the message.
    public enum Role: String, Sendable, Hashable, Codable {
        case system, user, assistant, tool
    }

    /// The author role.
    public var role: Role
    /// Ordered content parts.
    public var parts: [Part]

    /// Creates a message from parts.
    public init(role: Role, parts: [Part]) {
        self.role = role
        self.parts = parts
    }

    /// A system message with text.
    public static func system(_ text: String) -> Message { Message(role: .system, parts: [.text(text)]) }
    /// A user message with text.
    public static func user(_ text: String) -> Message { Message(role: .user, parts: [.text(text)]) }
    /// An assistant message with text.
    public static func assistant(_ text: String) -> Message { Message(role: .assistant, parts: [.text(text)]) }

    /// The concatenated text parts.
    public var text: String {
        var out = ""
        for part in parts { if case .text(let t) = part { out += t } }
        return out
    }

    /// The tool calls this message carries (assistant messages).
    public var toolCalls: [ToolCall] {
        parts.compactMap { if case .toolCall(let c) = $0 { return c } else { return nil } }
    }

    /// The tool results this message carries (tool messages).
    public var toolResults: [ToolResult] {
        parts.compactMap { if case .toolResult(let r) = $0 { return r } else { return nil } }
    }
}

import AviaryCore

/// Rewrites a conversation with native tool calls and results into plain text messages
/// a model without tool support can follow.
///
/// - Assistant tool calls become the action the model would have written
///   (`{"arguments":{…},"tool":"x"}`, one per line).
/// - Earlier assistant text becomes `{"final_answer":"…"}` when ``wrapsAnswers`` is set, so the
///   model only ever sees replies in the action format.
/// - Tool results (role `tool`, or tool-result parts anywhere) become user text
///   `Tool x returned: …` / `Tool x failed: …`.
/// - Consecutive user or assistant messages are merged, so roles alternate as chat templates expect.
/// - Leading system messages are merged into one, followed by `instructions` when given.
enum JSONActionTranscript {
    static func rewrite(_ messages: [Message], instructions: String?, wrapsAnswers: Bool) -> [Message] {
        var leadingSystem: [String] = []
        var out: [Message] = []
        for message in messages {
            switch message.role {
            case .system:
                let text = render(message.parts)
                if out.isEmpty {
                    if !text.isEmpty { leadingSystem.append(text) }
                } else {
                    out.append(.system(text))
                }
            case .assistant:
                append(.assistant, assistantText(message, wrapsAnswers: wrapsAnswers), to: &out)
            case .user, .tool:
                append(.user, render(message.parts), to: &out)
            }
        }
        if let instructions { leadingSystem.append(instructions) }
        if !leadingSystem.isEmpty { out.insert(.system(leadingSystem.joined(separator: "\n\n")), at: 0) }
        return out
    }

    /// Whether any message carries tool calls or tool results (which need rewriting).
    static func hasToolParts(_ messages: [Message]) -> Bool {
        messages.contains { message in
            message.role == .tool || message.parts.contains { part in
                switch part {
                case .toolCall, .toolResult: return true
                case .text, .json: return false
                }
            }
        }
    }

    /// The text of a tool result as the model reads it.
    static func resultText(_ result: ToolResult) -> String {
        result.isError ? "Tool \(result.name) failed: \(result.content)" : "Tool \(result.name) returned: \(result.content)"
    }

    private static func assistantText(_ message: Message, wrapsAnswers: Bool) -> String {
        let calls = message.toolCalls
        if !calls.isEmpty {
            return calls.map { JSONActionSchema.actionText(for: $0) }.joined(separator: "\n")
        }
        let text = render(message.parts)
        guard wrapsAnswers, JSONAction(reply: text) == nil else { return text }
        return JSONActionSchema.actionText(finalAnswer: .string(text))
    }

    private static func render(_ parts: [Part]) -> String {
        var pieces: [String] = []
        for part in parts {
            switch part {
            case .text(let text): if !text.isEmpty { pieces.append(text) }
            case .json(let value): pieces.append(value.jsonString)
            case .toolCall(let call): pieces.append(JSONActionSchema.actionText(for: call))
            case .toolResult(let result): pieces.append(resultText(result))
            }
        }
        return pieces.joined(separator: "\n\n")
    }

    private static func append(_ role: Message.Role, _ text: String, to out: inout [Message]) {
        if let last = out.last, last.role == role {
            let joined = [last.text, text].filter { !$0.isEmpty }.joined(separator: "\n\n")
            out[out.count - 1] = Message(role: role, parts: [.text(joined)])
        } else {
            out.append(Message(role: role, parts: [.text(text)]))
        }
    }
}

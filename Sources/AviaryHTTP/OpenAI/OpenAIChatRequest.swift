import AviaryCore

/// A `POST /v1/chat/completions` body, reduced to what an agent run needs: the agent (`model`),
/// the question (the last user message) and the conversation before it.
struct OpenAIChatRequest: Sendable {
    var agent: String
    var question: String
    var history: [Message]
    var stream: Bool
    var includeUsage: Bool

    init(_ body: JSONBody) throws {
        agent = try body.requiredString("model")
        stream = try body.bool("stream") ?? false
        includeUsage = (try body.object("stream_options"))?["include_usage"]?.boolValue ?? false
        guard let raw = try body.array("messages"), !raw.isEmpty else {
            throw APIError.badRequest("missing_field", "field 'messages' is required and must not be empty")
        }
        if let tools = try body.array("tools"), !tools.isEmpty {
            throw APIError.badRequest("unsupported", "client-side tools are not supported: the agent '\(agent)' brings its own tools")
        }
        var messages: [Message] = []
        for (i, item) in raw.enumerated() {
            guard let object = item.objectValue else { throw APIError.badRequest("invalid_field", "messages[\(i)] must be an object") }
            guard let roleName = object["role"]?.stringValue else { throw APIError.badRequest("invalid_field", "messages[\(i)].role is required") }
            let text = try Self.text(object["content"], index: i)
            switch roleName {
            case "system", "developer": messages.append(.system(text))
            case "user": messages.append(.user(text))
            case "assistant": messages.append(.assistant(text))
            default:
                throw APIError.badRequest("invalid_field", "messages[\(i)].role '\(roleName)' is not supported (use system, developer, user or assistant)")
            }
        }
        guard let last = messages.last, last.role == .user else {
            throw APIError.badRequest("invalid_field", "the last message must have role 'user': it is the question for the agent")
        }
        question = last.text
        history = Array(messages.dropLast())
    }

    /// Text content: a string, or an array of `{"type":"text","text":…}` parts.
    static func text(_ content: JSONValue?, index: Int) throws -> String {
        switch content {
        case .some(.string(let s)): return s
        case .some(.null), nil: return ""
        case .some(.array(let parts)):
            var out = ""
            for part in parts {
                guard part["type"]?.stringValue == "text", let t = part["text"]?.stringValue else {
                    throw APIError.badRequest("unsupported", "messages[\(index)].content: only text parts are supported")
                }
                out += t
            }
            return out
        default:
            throw APIError.badRequest("invalid_field", "messages[\(index)].content must be a string or an array of text parts")
        }
    }
}

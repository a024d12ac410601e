import AviaryCore

/// One JSON action parsed from a model's reply: a tool call or the final answer.
///
/// Parsing is lenient about presentation and strict about content: code fences and prose around
/// the JSON are ignored (the first JSON object in the reply is used), but the object must be
/// `{"tool": <name>, "arguments": {…}}` or `{"final_answer": …}`.
public enum JSONAction: Sendable, Hashable {
    /// Call the tool `name` with `arguments`.
    case toolCall(name: String, arguments: JSONValue)
    /// The model's final answer (a string for text answers).
    case finalAnswer(JSONValue)

    /// Parses a model reply; `nil` when it holds no well-formed action.
    public init?(reply: String) {
        guard let object = Self.firstJSONObject(in: reply) else { return nil }
        self.init(object: object)
    }

    /// Interprets a JSON object as an action; `nil` when it is neither a tool call nor a final answer.
    public init?(object: JSONValue) {
        guard case .object(let members) = object else { return nil }
        if let answer = members["final_answer"] {
            self = .finalAnswer(answer)
            return
        }
        let name = members["tool"]?.stringValue ?? members["name"]?.stringValue
        guard let name, !name.isEmpty else { return nil }
        var arguments = members["arguments"] ?? members["parameters"] ?? members["args"] ?? .object([:])
        // Some models write the arguments as a JSON string, the way OpenAI's wire format carries them.
        if case .string(let text) = arguments, let parsed = try? JSONValue(parsing: text), parsed.objectValue != nil {
            arguments = parsed
        }
        if arguments.isNull { arguments = .object([:]) }
        guard arguments.objectValue != nil else { return nil }
        self = .toolCall(name: name, arguments: arguments)
    }

    /// The first JSON object in `text` that parses.
    ///
    /// Markdown code fences and prose before or after the object are skipped, since scanning starts
    /// at each `{` in turn (at most 32 of them) and stops at the first balanced object that parses.
    public static func firstJSONObject(in text: String) -> JSONValue? {
        let bytes = Array(text.utf8)
        var start = 0
        var attempts = 0
        while start < bytes.count, attempts < 32 {
            guard let open = bytes[start...].firstIndex(of: UInt8(ascii: "{")) else { return nil }
            attempts += 1
            if let close = matchingBrace(in: bytes, from: open),
               let value = try? JSONValue(parsing: bytes[open...close]), value.objectValue != nil {
                return value
            }
            start = open + 1
        }
        return nil
    }

    /// The index of the `}` closing the object opened at `open`, honouring strings and escapes.
    private static func matchingBrace(in bytes: [UInt8], from open: Int) -> Int? {
        var depth = 0
        var inString = false
        var escaped = false
        var i = open
        while i < bytes.count {
            let b = bytes[i]
            if inString {
                if escaped {
                    escaped = false
                } else if b == UInt8(ascii: "\\") {
                    escaped = true
                } else if b == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if b == UInt8(ascii: "\"") {
                inString = true
            } else if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") {
                depth += 1
            } else if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return b == UInt8(ascii: "}") ? i : nil }
                if depth < 0 { return nil }
            }
            i += 1
        }
        return nil
    }
}

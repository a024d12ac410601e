import AviaryCore

/// Builds the JSON Schema and the system instruction that turn an agent's tools into
/// JSON actions for models without native tool calling (`tool_calling: json`).
///
/// An action is one JSON object, either a tool call or the final answer:
///
/// ```json
/// {"tool": "get_weather", "arguments": {"city": "Oslo"}}
/// {"final_answer": "It is sunny in Oslo."}
/// ```
///
/// The schema is an `anyOf` with one branch per tool (its `tool` is a `const` and its `arguments`
/// are the tool's own parameter schema) plus, unless a tool call is required, a `final_answer`
/// branch. A provider that constrains decoding by schema (llama.cpp grammars, OpenAI structured
/// outputs) can then only produce well-formed actions.
public enum JSONActionSchema {
    /// The name given to the schema in `ModelRequest.ResponseFormat.jsonSchema`.
    public static let name = "action"

    /// The schema of the `final_answer` member when the agent wants free text.
    public static let textAnswerSchema: JSONValue = ["type": "string"]

    /// The action schema for `tools`.
    ///
    /// - Parameters:
    ///   - tools: the tools the model may call, in order.
    ///   - finalAnswer: the schema of `final_answer` (``textAnswerSchema`` for text, the agent's output
    ///     schema for structured output), or `nil` when the model must call a tool.
    public static func schema(for tools: [ToolSpec], finalAnswer: JSONValue? = textAnswerSchema) -> JSONValue {
        var branches: [JSONValue] = tools.map { tool in
            [
                "type": "object",
                "properties": [
                    "tool": ["const": .string(tool.name)],
                    "arguments": argumentsSchema(tool.parameters),
                ],
                "required": ["tool", "arguments"],
                "additionalProperties": false,
            ]
        }
        if let finalAnswer {
            branches.append([
                "type": "object",
                "properties": ["final_answer": finalAnswer],
                "required": ["final_answer"],
                "additionalProperties": false,
            ])
        }
        return ["anyOf": .array(branches)]
    }

    /// The system instruction describing the tools and the action format.
    ///
    /// - Parameters:
    ///   - tools: the tools the model may call.
    ///   - allowFinalAnswer: whether the model may answer without calling a tool.
    ///   - structuredAnswer: the schema the final answer must follow, when it is not plain text.
    public static func instructions(for tools: [ToolSpec], allowFinalAnswer: Bool = true,
                                    structuredAnswer: JSONValue? = nil) -> String {
        var lines: [String] = []
        lines.append("You can call tools. Reply with exactly one JSON object and nothing else.")
        lines.append("To call a tool, reply: {\"tool\": \"<tool name>\", \"arguments\": {<arguments>}}")
        if allowFinalAnswer {
            if let structuredAnswer {
                lines.append("To give your final answer, reply: {\"final_answer\": <a JSON value matching this schema: "
                             + structuredAnswer.jsonString + ">}")
            } else {
                lines.append("To give your final answer to the user, reply: {\"final_answer\": \"<your answer>\"}")
            }
        } else {
            lines.append("You must call one of the tools now.")
        }
        lines.append("After a tool call you receive its result in the next message; then call another tool or answer.")
        lines.append("Call one tool at a time. Use only the tools listed here, with arguments matching their schema.")
        lines.append("")
        lines.append("Tools:")
        for tool in tools {
            let description = tool.description.isEmpty ? "" : ": " + tool.description
            lines.append("- \(tool.name)\(description)")
            lines.append("  arguments schema: " + argumentsSchema(tool.parameters).jsonString)
        }
        return lines.joined(separator: "\n")
    }

    /// The action text for a tool call, as the model would have written it.
    public static func actionText(for call: ToolCall) -> String {
        JSONValue.object(["tool": .string(call.name), "arguments": call.arguments]).jsonString
    }

    /// The action text for a final answer, as the model would have written it.
    public static func actionText(finalAnswer: JSONValue) -> String {
        JSONValue.object(["final_answer": finalAnswer]).jsonString
    }

    /// A tool's parameter schema, defaulting to an object when the tool declared nothing usable.
    static func argumentsSchema(_ parameters: JSONValue) -> JSONValue {
        guard case .object(var members) = parameters else { return ["type": "object"] }
        if members["type"] == nil, members["properties"] != nil { members["type"] = "object" }
        return .object(members)
    }
}

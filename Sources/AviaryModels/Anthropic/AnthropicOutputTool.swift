import AviaryCore

/// The forced tool that emulates structured output on Anthropic: the model "calls" it with the
/// answer as its input. Non-object schemas are wrapped as `{"value": …}` and unwrapped on decode.
struct AnthropicOutputTool: Sendable, Hashable {
    /// The tool name (the sanitised schema name, or `json_response` for `.jsonObject`).
    let name: String
    /// The `input_schema` sent.
    let inputSchema: JSONValue
    /// Whether the schema was wrapped in a `value` property.
    let wrapped: Bool

    /// The output tool for a response format, if it needs one.
    init?(_ format: ModelRequest.ResponseFormat) {
        switch format {
        case .text:
            return nil
        case .jsonObject:
            name = "json_response"
            inputSchema = ["type": "object", "additionalProperties": true]
            wrapped = false
        case .jsonSchema(let schemaName, let schema):
            name = WireSchema.sanitizedName(schemaName)
            let type = schema["type"]?.stringValue
            if type == "object" || (type == nil && schema["properties"]?.objectValue != nil) {
                inputSchema = schema
                wrapped = false
            } else {
                inputSchema = ["type": "object", "properties": ["value": schema], "required": ["value"]]
                wrapped = true
            }
        }
    }

    /// The tool definition sent in `tools`.
    var definition: JSONValue {
        ["name": .string(name), "description": "Respond with the final answer as this tool's input.",
         "input_schema": inputSchema]
    }

    /// The JSON answer carried by the tool input.
    func answer(from input: JSONValue) -> JSONValue {
        wrapped ? (input["value"] ?? .null) : input
    }
}

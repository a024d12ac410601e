/// A model's request to call a tool.
public struct ToolCall: Sendable, Hashable, Codable {
    /// Provider-assigned call id, echoed back in the result.
    public var id: String
    /// Tool name.
    public var name: String
    /// Parsed arguments (an object when the model produced valid JSON).
    public var arguments: JSONValue
    /// The raw argument text when the model's JSON did not parse; `nil` otherwise.
    public var invalidArguments: String?

    /// Creates a tool call.
    public init(id: String, name: String, arguments: JSONValue, invalidArguments: String? = nil) {
        self.id = id
        self.name = name
        self.arguments = arguments
        self.invalidArguments = invalidArguments
    }

    /// Creates a tool call from the argument text a model produced; unparsable text is kept for a tool error.
    public init(id: String, name: String, argumentsText: String) {
        self.id = id
        self.name = name
        let trimmed = argumentsText.isEmpty ? "{}" : argumentsText
        if let parsed = try? JSONValue(parsing: trimmed) {
            self.arguments = parsed
            self.invalidArguments = nil
        } else {
            self.arguments = .object([:])
            self.invalidArguments = argumentsText
        }
    }
}

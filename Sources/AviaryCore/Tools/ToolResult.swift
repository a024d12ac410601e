/// The outcome of a tool call as it is sent back to the model.
public struct ToolResult: Sendable, Hashable, Codable {
    /// The id of the call this answers.
    public var callID: String
    /// The tool's name.
    public var name: String
    /// The text the model sees.
    public var content: String
    /// Whether the call failed (the content then explains why).
    public var isError: Bool

    /// Creates a tool result.
    public init(callID: String, name: String, content: String, isError: Bool = false) {
        self.callID = callID
        self.name = name
        self.content = content
        self.isError = isError
    }
}

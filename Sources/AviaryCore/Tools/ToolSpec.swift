/// What a model sees of a tool: its name, description and argument schema.
public struct ToolSpec: Sendable, Hashable, Codable {
    /// Unique tool name (`[a-zA-Z0-9_.-]`).
    public var name: String
    /// What the tool does, for the model.
    public var description: String
    /// JSON Schema of the arguments object.
    public var parameters: JSONValue

    /// Creates a tool spec.
    public init(name: String, description: String, parameters: JSONValue = ["type": "object", "properties": [:]]) {
        self.name = name
        self.description = description
        self.parameters = parameters
    }
}

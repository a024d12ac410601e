/// Everything a model call needs.
public struct ModelRequest: Sendable, Hashable, Codable {
    /// How the model must shape its answer.
    public enum ResponseFormat: Sendable, Hashable, Codable {
        /// Free text (default).
        case text
        /// Any JSON object.
        case jsonObject
        /// JSON matching a schema.
        case jsonSchema(name: String, schema: JSONValue)
    }

    /// Whether and which tool the model must call.
    public enum ToolChoice: Sendable, Hashable, Codable {
        case auto, none, required
        case tool(String)
    }

    /// Concrete model id at the provider (`gpt-4o-mini`), without the provider prefix.
    public var model: String
    /// The conversation so far, system message first.
    public var messages: [Message]
    /// Tools the model may call.
    public var tools: [ToolSpec]
    /// Tool choice (default `auto`).
    public var toolChoice: ToolChoice
    /// Response format (default text).
    public var responseFormat: ResponseFormat
    /// Sampling temperature, if set.
    public var temperature: Double?
    /// Maximum output tokens, if set.
    public var maxTokens: Int?
    /// Whether the model may return several tool calls at once (default true).
    public var parallelToolCalls: Bool

    /// Creates a request.
    public init(model: String, messages: [Message], tools: [ToolSpec] = [], toolChoice: ToolChoice = .auto,
                responseFormat: ResponseFormat = .text, temperature: Double? = nil, maxTokens: Int? = nil,
                parallelToolCalls: Bool = true) {
        self.model = model
        self.messages = messages
        self.tools = tools
        self.toolChoice = toolChoice
        self.responseFormat = responseFormat
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.parallelToolCalls = parallelToolCalls
    }
}

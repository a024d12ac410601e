/// A model's answer to one request.
public struct ModelResponse: Sendable, Hashable, Codable {
    /// Why generation stopped.
    public enum FinishReason: String, Sendable, Hashable, Codable {
        case stop, toolCalls = "tool_calls", length, contentFilter = "content_filter", other
    }

    /// The assistant message (text and/or tool calls).
    public var message: Message
    /// Why the model stopped.
    public var finishReason: FinishReason
    /// Tokens and cost of this call.
    public var usage: Usage
    /// The concrete model that answered.
    public var model: String

    /// Creates a response.
    public init(message: Message, finishReason: FinishReason = .stop, usage: Usage = Usage(), model: String = "") {
        self.message = message
        self.finishReason = finishReason
        self.usage = usage
        self.model = model
    }
}

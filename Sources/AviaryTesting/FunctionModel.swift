import AviaryCore

/// A model double whose every answer is decided by a closure (for example, by inspecting the tools
/// or the last message of the request).
public struct FunctionModel: LanguageModel {
    /// The name reported in events.
    public let name: String
    private let body: @Sendable (ModelRequest) async throws -> ModelResponse

    /// Creates a function model.
    public init(name: String = "function", _ body: @escaping @Sendable (ModelRequest) async throws -> ModelResponse) {
        self.name = name
        self.body = body
    }

    public func respond(to request: ModelRequest) async throws -> ModelResponse { try await body(request) }
}

extension ModelResponse {
    /// A final text answer (test convenience).
    public static func text(_ text: String, inputTokens: Int = 10, outputTokens: Int = 5) -> ModelResponse {
        ModelResponse(message: .assistant(text), finishReason: .stop,
                      usage: Usage(inputTokens: inputTokens, outputTokens: outputTokens, requests: 1))
    }

    /// One tool call (test convenience).
    public static func toolCall(_ name: String, _ arguments: JSONValue = [:], id: String = "call_1") -> ModelResponse {
        ModelResponse(message: Message(role: .assistant, parts: [.toolCall(ToolCall(id: id, name: name, arguments: arguments))]),
                      finishReason: .toolCalls, usage: Usage(inputTokens: 10, outputTokens: 5, requests: 1))
    }
}

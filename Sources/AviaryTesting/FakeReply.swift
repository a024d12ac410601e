import AviaryCore

/// One scripted answer of a fake provider server (``FakeOpenAIServer``, ``FakeAnthropicServer``).
/// Whether it is sent streamed or not follows the request's `stream` flag.
public enum FakeReply: Sendable, Hashable {
    /// An assistant text answer.
    case text(String, usage: FakeUsage = FakeUsage())
    /// One or more tool calls (several = parallel calls), optionally with text before them.
    case toolCalls([FakeToolCall], text: String = "", usage: FakeUsage = FakeUsage())
    /// A non-2xx status with this body and an optional `Retry-After` header value.
    case error(status: Int, body: String, retryAfter: String? = nil)
    /// A 2xx answer whose body is this text verbatim (JSON or SSE framing is not applied).
    case garbage(String)
    /// A 2xx stream (or body) that reports an error in-band, as providers do mid-stream.
    case streamError(type: String, message: String)
}

/// A tool call a fake server returns.
public struct FakeToolCall: Sendable, Hashable {
    /// The call id.
    public var id: String
    /// The tool name.
    public var name: String
    /// The arguments as JSON text (sent verbatim, so it may be deliberately invalid).
    public var arguments: String

    /// Creates a tool call.
    public init(id: String, name: String, arguments: String) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}

/// Token counts a fake server reports.
public struct FakeUsage: Sendable, Hashable {
    /// Prompt tokens.
    public var input: Int
    /// Completion tokens.
    public var output: Int

    /// Creates usage (defaults: 10 in, 5 out).
    public init(input: Int = 10, output: Int = 5) {
        self.input = input
        self.output = output
    }
}

import AviaryCore
import Synchronization

/// A model double that answers from a queue of scripted replies, in order.
///
/// An unexpected call (queue empty) throws a ``ScriptedModelError`` and reports it to `onMisuse`,
/// so a test notices it even where the runtime turns the error into a failed run: with
/// swift-testing, pass `onMisuse: { Issue.record($0) }`. ``verifyConsumed()`` throws when replies
/// were left unconsumed. Every request is kept for assertions.
public final class ScriptedModel: LanguageModel, Sendable {
    /// One scripted reply.
    public enum Reply: Sendable {
        /// A final text answer.
        case text(String)
        /// One or more tool calls (name, arguments).
        case toolCalls([(name: String, arguments: JSONValue)])
        /// A full response.
        case response(ModelResponse)
        /// A thrown error (provider failure).
        case failure(any Error)
        /// Decide from the request.
        case dynamic(@Sendable (ModelRequest) throws -> ModelResponse)

        /// A single tool call.
        public static func toolCall(_ name: String, _ arguments: JSONValue = [:]) -> Reply { .toolCalls([(name, arguments)]) }
    }

    private struct State {
        var replies: [Reply]
        var requests: [ModelRequest] = []
        var callCounter = 0
    }

    /// The name reported in events.
    public let name: String
    private let state: Mutex<State>
    private let onMisuse: (@Sendable (ScriptedModelError) -> Void)?

    /// Creates a scripted model answering with `replies` in order.
    ///
    /// `onMisuse` is called with the error of each unexpected call (for example `{ Issue.record($0) }`);
    /// `nil` (the default) only throws it.
    public init(_ replies: [Reply], name: String = "scripted",
                onMisuse: (@Sendable (ScriptedModelError) -> Void)? = nil) {
        self.name = name
        self.state = Mutex(State(replies: replies))
        self.onMisuse = onMisuse
    }

    /// Requests received so far.
    public var requests: [ModelRequest] { state.withLock { $0.requests } }
    /// Replies not yet consumed.
    public var remaining: Int { state.withLock { $0.replies.count } }

    public func respond(to request: ModelRequest) async throws -> ModelResponse {
        let (reply, n) = state.withLock { s -> (Reply?, Int) in
            s.requests.append(request)
            s.callCounter += 1
            return (s.replies.isEmpty ? nil : s.replies.removeFirst(), s.callCounter)
        }
        guard let reply else {
            let last = request.messages.last.map { "\($0.role.rawValue): \($0.text.prefix(120))" } ?? "-"
            let error = ScriptedModelError.unexpectedCall(model: name, number: n, lastMessage: last)
            onMisuse?(error)
            throw error
        }
        let usage = Usage(inputTokens: 10 * request.messages.count, outputTokens: 5, requests: 1)
        switch reply {
        case .text(let t):
            return ModelResponse(message: .assistant(t), finishReason: .stop, usage: usage, model: name)
        case .toolCalls(let calls):
            let parts = calls.enumerated().map { i, c in Part.toolCall(ToolCall(id: "call_\(n)_\(i)", name: c.name, arguments: c.arguments)) }
            return ModelResponse(message: Message(role: .assistant, parts: parts), finishReason: .toolCalls, usage: usage, model: name)
        case .response(let r): return r
        case .failure(let e): throw e
        case .dynamic(let f): return try f(request)
        }
    }

    /// Throws ``ScriptedModelError`` when scripted replies were never requested; call it at the end of a test.
    public func verifyConsumed() throws {
        let left = remaining
        if left > 0 { throw ScriptedModelError.unconsumedReplies(model: name, count: left) }
    }
}

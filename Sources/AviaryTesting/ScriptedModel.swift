import AviaryCore
import Synchronization
import Testing

/// A model double that answers from a queue of scripted replies, in order.
///
/// An unexpected call (queue empty) records a test failure and throws; ``expectFinished(sourceLocation:)``
/// records a failure when replies were left unconsumed. Every request is kept for assertions.
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
    private let sourceLocation: SourceLocation

    /// Creates a scripted model.
    public init(_ replies: [Reply], name: String = "scripted", sourceLocation: SourceLocation = #_sourceLocation) {
        self.name = name
        self.state = Mutex(State(replies: replies))
        self.sourceLocation = sourceLocation
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
            Issue.record("ScriptedModel '\(name)': unexpected call #\(n) (script exhausted); last message: \(last)", sourceLocation: sourceLocation)
            throw ScriptedModelError(message: "unexpected model call #\(n)")
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

    /// Records a test failure if scripted replies were not consumed.
    public func expectFinished(sourceLocation: SourceLocation = #_sourceLocation) {
        let left = remaining
        if left > 0 { Issue.record("ScriptedModel '\(name)': \(left) scripted replies were never requested", sourceLocation: sourceLocation) }
    }
}

/// Raised by ``ScriptedModel`` on a call it had no reply for.
public struct ScriptedModelError: Error, Sendable, CustomStringConvertible {
    /// What happened.
    public let message: String
    public var description: String { message }
}

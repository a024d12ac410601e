import AviaryCore
import Synchronization

/// A scripted base model: records every request and answers with queued replies in order.
final class RecordingModel: LanguageModel {
    private struct State {
        var replies: [ModelResponse]
        var requests: [ModelRequest] = []
    }

    private let state: Mutex<State>

    let name = "test/recording"

    /// Queues text replies, each costing 10 input and 5 output tokens.
    init(_ replies: [String]) {
        let responses = replies.map {
            ModelResponse(message: .assistant($0), usage: Usage(inputTokens: 10, outputTokens: 5, requests: 1), model: "recording-1")
        }
        state = Mutex(State(replies: responses))
    }

    /// Queues full responses.
    init(responses: [ModelResponse]) {
        state = Mutex(State(replies: responses))
    }

    /// The requests received so far.
    var requests: [ModelRequest] { state.withLock { $0.requests } }

    func respond(to request: ModelRequest) async throws -> ModelResponse {
        try state.withLock { state in
            state.requests.append(request)
            guard !state.replies.isEmpty else { throw ScriptExhausted() }
            return state.replies.removeFirst()
        }
    }

    struct ScriptExhausted: Error {}
}

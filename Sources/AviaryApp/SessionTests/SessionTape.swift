import AviaryCore
import Synchronization

/// The current case's recording or replay, shared by the models and tools that `aviary test`
/// puts between the agents and the outside (``SessionTestInterposer``). Cases run one at a time:
/// ``begin(_:recording:tools:)`` before a case's turn, ``end()`` after it.
final class SessionTape: Sendable {
    /// What a model or a tool does in the current case.
    enum Role: Sendable { case passThrough, record, replay }

    private enum State: Sendable {
        case idle
        case live
        case recording(SessionRecorder, tools: Set<String>)
        case replaying(SessionReplayer, tools: Set<String>)
    }

    /// What a case left on the tape.
    struct Ending: Sendable {
        /// The calls recorded (record mode).
        var recorder: SessionRecorder?
        /// Where the replay left its recording; what it never asked for when it left it nowhere (replay mode).
        var divergences: [String]
    }

    private let state = Mutex<State>(.idle)

    /// Starts a case: `recording` is the one to replay (replay mode); `tools` are the case's recorded tools.
    func begin(_ mode: SessionTestMode, recording: SessionRecording?, tools: [String]) {
        state.withLock { state in
            switch mode {
            case .record: state = .recording(SessionRecorder(), tools: Set(tools))
            case .replay: state = .replaying(SessionReplayer(recording ?? SessionRecording(caseName: "", question: "", recordedAt: "")), tools: Set(tools))
            case .live, .remote: state = .live
            }
        }
    }

    /// Ends the current case.
    func end() -> Ending {
        state.withLock { state in
            defer { state = .idle }
            switch state {
            case .recording(let recorder, _): return Ending(recorder: recorder, divergences: [])
            // what the run never asked for matters only when it followed the recording up to there
            case .replaying(let replayer, _): return Ending(recorder: nil, divergences: replayer.divergences.isEmpty ? replayer.unused : replayer.divergences)
            case .idle, .live: return Ending(recorder: nil, divergences: [])
            }
        }
    }

    /// What models do in the current case.
    var modelRole: Role {
        state.withLock { state in
            switch state {
            case .recording: return .record
            case .replaying: return .replay
            case .idle, .live: return .passThrough
            }
        }
    }

    /// What a call of `tool` does in the current case: recorded tools are recorded or replayed,
    /// every other tool runs as it is.
    func role(ofTool tool: String) -> Role {
        state.withLock { state in
            switch state {
            case .recording(_, let tools) where tools.contains(tool): return .record
            case .replaying(_, let tools) where tools.contains(tool): return .replay
            default: return .passThrough
            }
        }
    }

    /// Notes a model call (record mode; otherwise nothing).
    func record(agent: String, request: ModelRequest, response: ModelResponse) {
        state.withLock { state in
            guard case .recording(var recorder, let tools) = state else { return }
            recorder.record(agent: agent, request: request, response: response)
            state = .recording(recorder, tools: tools)
        }
    }

    /// Notes a tool call (record mode; otherwise nothing).
    func record(tool spec: ToolSpec, call: RecordedTool.Call) {
        state.withLock { state in
            guard case .recording(var recorder, let tools) = state else { return }
            recorder.record(tool: spec, call: call)
            state = .recording(recorder, tools: tools)
        }
    }

    /// The recorded response to a model request (replay mode).
    func replay(agent: String, request: ModelRequest) throws(ReplayDivergence) -> ModelResponse {
        try state.withLock { state throws(ReplayDivergence) -> ModelResponse in
            guard case .replaying(var replayer, let tools) = state else { throw ReplayDivergence("no recording is being replayed") }
            defer { state = .replaying(replayer, tools: tools) }
            return try replayer.response(agent: agent, request: request)
        }
    }

    /// The recorded result of a tool call (replay mode).
    func replay(tool: String, arguments: JSONValue) throws(ReplayDivergence) -> RecordedTool.Call {
        try state.withLock { state throws(ReplayDivergence) -> RecordedTool.Call in
            guard case .replaying(var replayer, let tools) = state else { throw ReplayDivergence("no recording is being replayed") }
            defer { state = .replaying(replayer, tools: tools) }
            return try replayer.toolCall(tool, arguments: arguments)
        }
    }
}

import AviaryCore

/// Collects a recording while a case runs: each agent's model calls in order and the calls of
/// the recorded tools. A value type without I/O (the tape holds it behind a lock).
struct SessionRecorder: Sendable {
    private(set) var models: [String: [RecordedModelCall]] = [:]
    private(set) var tools: [String: RecordedTool] = [:]

    /// Notes one model call of `agent`.
    mutating func record(agent: String, request: ModelRequest, response: ModelResponse) {
        models[agent, default: []].append(RecordedModelCall(request: request, response: response))
    }

    /// Notes one call of a recorded tool.
    mutating func record(tool spec: ToolSpec, call: RecordedTool.Call) {
        tools[spec.name, default: RecordedTool(spec: spec)].calls.append(call)
    }

    /// The recording of `test`.
    func recording(of test: SessionTestCase, question: String, recordedAt: String, note: String?) -> SessionRecording {
        SessionRecording(caseName: test.name, question: question, recordedAt: recordedAt, note: note, models: models, tools: tools)
    }
}

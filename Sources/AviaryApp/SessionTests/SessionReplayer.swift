import AviaryCore

/// Serves a recording to a replay: each agent's model responses in order, each recorded tool's
/// results by arguments in order, noting every point where the run leaves the recording. A value
/// type without I/O (the tape holds it behind a lock).
struct SessionReplayer: Sendable {
    let recording: SessionRecording
    private var usedModels: [String: Set<Int>] = [:]
    private var usedTools: [String: Set<Int>] = [:]
    /// Every divergence so far.
    private(set) var divergences: [String] = []

    init(_ recording: SessionRecording) {
        self.recording = recording
    }

    /// The recorded response to `agent`'s next request. Requests are matched to the agent's first
    /// unused call with the same question (so runs of one agent with different questions may
    /// interleave), then checked: the same tool results before it, and every tool its response
    /// calls offered by the request.
    mutating func response(agent: String, request: ModelRequest) throws(ReplayDivergence) -> ModelResponse {
        let calls = recording.models[agent] ?? []
        let used = usedModels[agent] ?? []
        let number = used.count + 1
        let remaining = calls.indices.filter { !used.contains($0) }
        guard let next = remaining.first else {
            throw note("agent '\(agent)' made model request #\(number), but the recording has \(calls.count) for it")
        }
        let question = RecordedModelCall.question(of: request)
        guard let index = remaining.first(where: { calls[$0].question == question }) else {
            throw note("agent '\(agent)' request #\(number) asks \(Self.quote(question)), but the recording's next request for it asks \(Self.quote(calls[next].question))")
        }
        let call = calls[index]
        let results = RecordedModelCall.toolResults(of: request)
        guard results == call.toolResults else {
            throw note("agent '\(agent)' request #\(number) follows the results of [\(results.joined(separator: ", "))], the recording's followed [\(call.toolResults.joined(separator: ", "))]")
        }
        let offered = Set(request.tools.map(\.name))
        if let missing = call.response.message.toolCalls.map(\.name).first(where: { !offered.contains($0) }) {
            throw note("the recorded response #\(number) of agent '\(agent)' calls '\(missing)', which the agent does not have in this run (its tools: \(offered.sorted().joined(separator: ", ")))")
        }
        usedModels[agent, default: []].insert(index)
        return call.response
    }

    /// The recorded result of a call of `tool` with these arguments: the first unused call with
    /// equal arguments.
    mutating func toolCall(_ tool: String, arguments: JSONValue) throws(ReplayDivergence) -> RecordedTool.Call {
        let calls = recording.tools[tool]?.calls ?? []
        let used = usedTools[tool] ?? []
        let remaining = calls.indices.filter { !used.contains($0) }
        guard let next = remaining.first else {
            throw note("'\(tool)' was called \(used.count + 1) times, but the recording has \(calls.count) calls of it")
        }
        guard let index = remaining.first(where: { calls[$0].arguments == arguments }) else {
            throw note("'\(tool)' was called with \(arguments.jsonString), but the recording's next call of it has \(calls[next].arguments.jsonString)")
        }
        usedTools[tool, default: []].insert(index)
        return calls[index]
    }

    /// What the run never asked for: a divergence too (the run took a shorter path).
    var unused: [String] {
        var out: [String] = []
        for (agent, calls) in recording.models.sorted(by: { $0.key < $1.key }) {
            let left = calls.count - (usedModels[agent]?.count ?? 0)
            if left > 0 { out.append("the recording has \(left) model response\(left == 1 ? "" : "s") for agent '\(agent)' that the run never asked for") }
        }
        for (tool, recorded) in recording.tools.sorted(by: { $0.key < $1.key }) {
            let left = recorded.calls.count - (usedTools[tool]?.count ?? 0)
            if left > 0 { out.append("the recording has \(left) call\(left == 1 ? "" : "s") of '\(tool)' that the run never made") }
        }
        return out
    }

    private mutating func note(_ message: String) -> ReplayDivergence {
        divergences.append(message)
        return ReplayDivergence(message)
    }

    private static func quote(_ text: String) -> String {
        "\"" + (text.count > 120 ? String(text.prefix(117)) + "…" : text) + "\""
    }
}

import AviaryCore
import Foundation

/// Builds a run's events with increasing sequence numbers and timestamps (one second apart by default).
struct RunEvents {
    let runID: RunID
    let tenant: String
    private(set) var sequence = 0
    private(set) var time: Date

    init(_ runID: RunID, tenant: String = "acme", start: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        self.runID = runID
        self.tenant = tenant
        self.time = start
    }

    /// The next event, `after` seconds after the previous one.
    mutating func next(_ kind: RunEvent.Kind, _ data: JSONValue = [:], after: Double = 1) -> RunEvent {
        sequence += 1
        if sequence > 1 { time = time.addingTimeInterval(after) }
        return RunEvent(runID: runID, sequence: sequence, timestamp: time, tenant: tenant, kind: kind, data: data)
    }
}

/// Events of a typical react run: start, one model call with a tool call, one tool call, a final model call, finish.
func reactRun(_ id: RunID, agent: String = "support", model: String = "openai/gpt-test", tool: String = "lookup",
              toolFails: Bool = false) -> [RunEvent] {
    var e = RunEvents(id)
    var events = [
        e.next(.runStarted, ["agent": .string(agent), "input": ["question": "where is my order?"]]),
        e.next(.modelRequest, ["step": "turn/1/model", "model": .string(model), "messages": 2, "tools": 1]),
        e.next(.modelResponse, ["step": "turn/1/model", "model": .string(model),
                                "usage": ["input_tokens": 100, "output_tokens": 20, "cost_usd": 0.002, "requests": 1],
                                "cost_usd": 0.002, "finish_reason": "tool_calls", "latency_ms": 1500,
                                "tool_calls": [.string(tool)]], after: 1.5),
        e.next(.toolStarted, ["call_id": "call_1", "name": .string(tool), "arguments": ["order": "A-1", "api_key": "sk-abcdefghijklmnopqrstuvwx"],
                              "step": "turn/1/tool/call_1"]),
    ]
    if toolFails {
        events.append(e.next(.toolFailed, ["call_id": "call_1", "name": .string(tool), "arguments": ["order": "A-1"],
                                           "error": "failed: upstream said Bearer abc.def.ghi", "duration_ms": 250], after: 0.25))
    } else {
        events.append(e.next(.toolFinished, ["call_id": "call_1", "name": .string(tool), "output": "shipped", "duration_ms": 250], after: 0.25))
    }
    events += [
        e.next(.modelRequest, ["step": "turn/2/model", "model": .string(model), "messages": 4, "tools": 1]),
        e.next(.modelResponse, ["step": "turn/2/model", "model": .string(model),
                                "usage": ["input_tokens": 150, "output_tokens": 30, "cost_usd": 0.003, "requests": 1],
                                "cost_usd": 0.003, "finish_reason": "stop", "latency_ms": 500], after: 0.5),
        e.next(.runFinished, ["output": "It shipped.",
                              "usage": ["input_tokens": 250, "output_tokens": 50, "cost_usd": 0.005, "requests": 2]]),
    ]
    return events
}

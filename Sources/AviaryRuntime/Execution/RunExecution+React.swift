import AviaryCore

extension RunExecution {
    /// The tool loop: model → tool calls (in parallel) → model … until a final answer.
    func react() async throws -> Outcome {
        var messages = initialMessages
        let startCount = messages.count - 1
        var usage = Usage()
        var detector = LoopDetector()
        let specs = toolSpecs
        for turn in 1...max(agent.maxIterations, 1) {
            let response = try await modelStep("turn/\(turn)/model", request(messages, tools: specs))
            usage += response.usage
            messages.append(response.message)
            let calls = response.message.toolCalls
            if calls.isEmpty {
                let text = response.message.text
                return Outcome(output: .string(text), text: text, usage: usage, messages: Array(messages[startCount...]))
            }
            let keys = Self.stepKeys(calls, turn: turn)
            try context.checkpoint()
            let verdicts = calls.map { detector.observe($0) }
            if detector.tripped {
                throw RuntimeError(.loopDetected, "agent '\(agent.name)' is looping: it repeated the same tool call \(LoopDetector.limit) times")
            }
            let allowed = limits.maxToolCallsPerTurn
            let run = { @Sendable (i: Int) async throws -> ToolExecutor.Outcome in
                let call = calls[i]
                if i >= allowed {
                    let result = ToolResult(callID: call.id, name: call.name, isError: true, content: """
                        Error: not run: at most \(allowed) tool calls run per turn and this turn asked for \(calls.count); \
                        make fewer calls at a time.
                        """)
                    return ToolExecutor.Outcome(result: result)
                }
                if verdicts[i] {
                    let result = ToolResult(callID: call.id, name: call.name, isError: true,
                        content: "Error: you already called \(call.name) with these arguments; use the earlier result or answer.")
                    return ToolExecutor.Outcome(result: result)
                }
                do {
                    return try await executor.execute(call, tool: tools[call.name], stepKey: keys[i])
                } catch let error as RuntimeError where error.code == .waiting {
                    // the other calls of the turn finish (and are recorded) before the run waits
                    var outcome = ToolExecutor.Outcome(result: ToolResult(callID: call.id, name: call.name, isError: true, content: ""))
                    outcome.waiting = error
                    return outcome
                }
            }
            // One call runs in this task; several run in parallel, one child task each, at most
            // `maxParallelToolCalls` at a time.
            let width = limits.maxParallelToolCalls
            let outcomes = calls.count == 1 ? [try await run(0)] : try await withThrowingTaskGroup(of: (Int, ToolExecutor.Outcome).self) { group in
                var next = 0
                while next < calls.count && next < width {
                    let i = next
                    group.addTask { (i, try await run(i)) }
                    next += 1
                }
                var out = [ToolExecutor.Outcome?](repeating: nil, count: calls.count)
                for try await (i, o) in group {
                    out[i] = o
                    if next < calls.count {
                        let j = next
                        group.addTask { (j, try await run(j)) }
                        next += 1
                    }
                }
                return out.compactMap { $0 }
            }
            if let waiting = outcomes.lazy.compactMap(\.waiting).first { throw waiting }
            for o in outcomes { if let u = o.usage { usage += u } }
            messages.append(Message(role: .tool, parts: outcomes.map { .toolResult($0.result) }))
        }
        throw RuntimeError(.maxIterations, "agent '\(agent.name)' reached max_iterations (\(agent.maxIterations)) without a final answer")
    }

    /// The journal keys of a turn's tool calls: `turn/<n>/tool/<call id>`, a repeated id
    /// suffixed with its position.
    static func stepKeys(_ calls: [ToolCall], turn: Int) -> [String] {
        var seen: Set<String> = []
        return calls.enumerated().map { i, call in
            let key = "turn/\(turn)/tool/\(call.id)"
            return seen.insert(key).inserted ? key : key + "#\(i)"
        }
    }
}

/// Detects a model repeating the identical tool call.
struct LoopDetector: Sendable {
    static let limit = 3
    private var counts: [String: Int] = [:]
    private(set) var tripped = false

    /// Records a call; returns true when it repeats an earlier identical call.
    mutating func observe(_ call: ToolCall) -> Bool {
        let signature = call.name + "\u{1}" + call.arguments.jsonString
        let n = counts[signature, default: 0] + 1
        counts[signature] = n
        if n >= Self.limit { tripped = true }
        return n > 1
    }
}

extension ToolResult {
    init(callID: String, name: String, isError: Bool, content: String) {
        self.init(callID: callID, name: name, content: content, isError: isError)
    }
}

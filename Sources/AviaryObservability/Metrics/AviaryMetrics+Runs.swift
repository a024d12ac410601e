import Prometheus

extension AviaryMetrics {
    /// A run execution began in this process.
    func runBegan() { activeRuns.increment() }

    /// A run execution ended; `duration` is `nil` when its start was not seen.
    func runEnded(agent: String, outcome: RunOutcome, duration: Double?, wasActive: Bool) {
        if wasActive { activeRuns.decrement() }
        let handles = runs.handle(for: RunKey(agent: agent, outcome: outcome))
        handles.runs.increment()
        if let duration { handles.duration.record(max(0, duration)) }
    }

    /// A tracked run was dropped without ending (the tracking table was full).
    func runForgotten() { activeRuns.decrement() }

    /// A model call returned.
    func modelSucceeded(model: String, inputTokens: Int, outputTokens: Int, costUSD: Double, latencySeconds: Double?) {
        let handles = models.handle(for: model)
        handles.succeeded.increment()
        if inputTokens > 0 { handles.inputTokens.increment(by: Int64(inputTokens)) }
        if outputTokens > 0 { handles.outputTokens.increment(by: Int64(outputTokens)) }
        if costUSD > 0, costUSD.isFinite { handles.cost.increment(by: costUSD) }
        if let latencySeconds, latencySeconds.isFinite { handles.duration.record(max(0, latencySeconds)) }
    }

    /// A model call failed.
    func modelFailed(model: String) {
        models.handle(for: model).failed.increment()
    }

    /// A tool call ended.
    func toolEnded(tool: String, failed: Bool, durationSeconds: Double?) {
        let handles = tools.handle(for: tool)
        (failed ? handles.failed : handles.finished).increment()
        if let durationSeconds, durationSeconds.isFinite { handles.duration.record(max(0, durationSeconds)) }
    }
}

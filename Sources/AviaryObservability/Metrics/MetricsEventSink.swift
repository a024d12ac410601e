import AviaryCore
import Synchronization

/// Turns run events into ``AviaryMetrics``: run counts, durations and the active-run gauge, model calls,
/// tokens, cost and latency, tool calls and durations.
///
/// Cheap enough for the hot path: each event costs a switch, a few member lookups in the event's data,
/// one short lock and atomic adds; it never suspends or does I/O. Run start times (for durations and the
/// agent label of the end event) are kept per run id until the run's terminal event, bounded by
/// `maxTrackedRuns` (the oldest entry is dropped when full).
public final class MetricsEventSink: EventSink {
    private struct TrackedRun {
        var agent: String
        var startedAt: Double
    }

    /// The metrics this sink records into.
    public let metrics: AviaryMetrics
    private let running: Mutex<BoundedRunTable<TrackedRun>>

    /// Creates a sink recording into `metrics`.
    ///
    /// - Parameter maxTrackedRuns: The most runs whose start is remembered at once (default 10 000).
    public init(metrics: AviaryMetrics, maxTrackedRuns: Int = 10_000) {
        self.metrics = metrics
        self.running = Mutex(BoundedRunTable(capacity: maxTrackedRuns))
    }

    /// Records an event.
    public func receive(_ event: RunEvent) async { record(event) }

    /// Records an event synchronously (what ``receive(_:)`` does).
    public func record(_ event: RunEvent) {
        switch event.kind {
        case .runStarted, .runResumed:
            runBegan(event)
        case .runFinished, .runFailed, .runCancelled, .runNeedsAttention, .runInterrupted, .runWaiting:
            runEnded(event, outcome: event.outcome ?? .failed)
        case .modelResponse:
            let usage = event.data["usage"]
            metrics.modelSucceeded(model: event.label("model"),
                                   inputTokens: usage?["input_tokens"]?.intValue ?? 0,
                                   outputTokens: usage?["output_tokens"]?.intValue ?? 0,
                                   costUSD: event.number("cost_usd") ?? usage?["cost_usd"]?.numberValue ?? 0,
                                   latencySeconds: event.number("latency_ms").map { $0 / 1000 })
        case .modelFailed:
            metrics.modelFailed(model: event.label("model"))
        case .toolFinished, .toolFailed:
            // A name the model invented never becomes a label value (unbounded cardinality).
            let tool = event.data["unknown_tool"]?.boolValue == true ? MetricLabel.unknown : event.label("name")
            metrics.toolEnded(tool: tool, failed: event.kind == .toolFailed,
                              durationSeconds: event.number("duration_ms").map { $0 / 1000 })
        case .modelRequest, .toolStarted, .reasoningStep, .delegationStarted, .delegationFinished,
             .guardrailVerdict, .checkpoint, .modelDelta, .approvalRequested, .approvalGranted, .approvalDenied, .approvalExpired:
            break
        }
    }

    /// How many runs are tracked as executing.
    public var trackedRuns: Int { running.withLock { $0.count } }

    private func runBegan(_ event: RunEvent) {
        let run = TrackedRun(agent: event.label("agent"), startedAt: event.seconds)
        let (isNew, evicted) = running.withLock { table -> (Bool, Int) in
            let isNew = table[event.runID] == nil
            return (isNew, table.insert(run, for: event.runID).count)
        }
        if isNew { metrics.runBegan() }
        for _ in 0..<evicted { metrics.runForgotten() }
    }

    private func runEnded(_ event: RunEvent, outcome: RunOutcome) {
        let run = running.withLock { $0.remove(event.runID) }
        metrics.runEnded(agent: run?.agent ?? MetricLabel.unknown, outcome: outcome,
                         duration: run.map { event.seconds - $0.startedAt }, wasActive: run != nil)
    }
}

import AviaryCore
import Synchronization

/// Turns run events into ``AviaryMetrics``: run counts, durations and the active-run gauge, model calls,
/// tokens, cost and latency, tool calls and durations.
///
/// Cheap enough for the hot path: each event costs reading its typed payload (a few member lookups), a switch,
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
        guard let payload = try? event.payload else {
            // Data of the wrong shape still ends (or begins) a run: the kind says which.
            if let outcome = event.outcome { runEnded(event, outcome: outcome) }
            return
        }
        switch payload {
        case .runStarted(let e):
            runBegan(event, agent: e.agent)
        case .runResumed(let e):
            runBegan(event, agent: e.agent)
        case .runFinished, .runFailed, .runCancelled, .runNeedsAttention, .runInterrupted, .runWaiting:
            runEnded(event, outcome: event.outcome ?? .failed)
        case .modelResponse(let e):
            metrics.modelSucceeded(model: e.model.nonEmpty(), inputTokens: e.usage?.inputTokens ?? 0,
                                   outputTokens: e.usage?.outputTokens ?? 0, costUSD: e.costUSD ?? e.usage?.costUSD ?? 0,
                                   latencySeconds: e.latencyMS.map { $0 / 1000 })
        case .modelFailed(let e):
            metrics.modelFailed(model: e.model.nonEmpty())
        case .toolFinished(let e):
            metrics.toolEnded(tool: e.name.nonEmpty(), failed: false, durationSeconds: e.durationMS.map { $0 / 1000 })
        case .toolFailed(let e):
            // A name the model invented never becomes a label value (unbounded cardinality).
            metrics.toolEnded(tool: e.unknownTool ? MetricLabel.unknown : e.name.nonEmpty(), failed: true,
                              durationSeconds: e.durationMS.map { $0 / 1000 })
        case .modelRequest, .toolStarted, .reasoningStep, .delegationStarted, .delegationFinished,
             .guardrailVerdict, .checkpoint, .modelDelta, .approvalRequested, .approvalGranted, .approvalDenied, .approvalExpired,
             .nodeStarted, .nodeFinished, .nodeFailed, .nodeRetrying, .nodeSkipped, .nodeProgress:
            break
        }
    }

    /// How many runs are tracked as executing.
    public var trackedRuns: Int { running.withLock { $0.count } }

    private func runBegan(_ event: RunEvent, agent: String) {
        let run = TrackedRun(agent: agent.nonEmpty(), startedAt: event.seconds)
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

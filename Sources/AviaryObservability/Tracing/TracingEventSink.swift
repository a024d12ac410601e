import AviaryCore
import Foundation
import Synchronization
import Tracing

/// Turns run events into spans on an explicit tracer: one span per run execution
/// (`invoke_agent <agent>`), per model call (`chat <model>`) and per tool call (`execute_tool <tool>`).
///
/// - A run span starts at `run.started` / `run.resumed` and ends at the run's terminal event. Its parent
///   is, in order: the tool span of the delegating call (child runs), the parent run's span, or
///   `ServiceContext.current` when the event is received (so a run executing inside an HTTP request's
///   task nests under the request span).
/// - Model and tool spans are children of their run span; when a run ends, spans still open under it
///   end too (marked as interrupted), so no span leaks even for failed or cancelled runs.
/// - Span times are the events' timestamps. Message bodies never become attributes; tool arguments
///   only with ``Options/recordArguments``, with credentials masked.
public final class TracingEventSink: EventSink {
    /// What the sink records.
    public struct Options: Sendable {
        /// Record tool call arguments as `gen_ai.tool.call.arguments` (default `false`).
        public var recordArguments: Bool
        /// The most runs with open spans at once; past it the oldest run's spans are ended (default 10 000).
        public var maxOpenRuns: Int

        /// Creates options; every argument has a documented default.
        public init(recordArguments: Bool = false, maxOpenRuns: Int = 10_000) {
            self.recordArguments = recordArguments
            self.maxOpenRuns = maxOpenRuns
        }
    }

    /// The spans of one executing run.
    struct OpenRun: Sendable {
        var span: any Span
        var models: [String: any Span] = [:]
        var tools: [String: any Span] = [:]
        /// Contexts for child runs started by this run's tool calls, keyed by child run id.
        var children: [RunID: ServiceContext] = [:]
    }

    let tracer: any Tracer
    let redactor: Redactor
    /// The options in use.
    public let options: Options
    let runs: Mutex<BoundedRunTable<OpenRun>>

    /// Creates a sink that starts spans on `tracer`.
    ///
    /// - Parameters:
    ///   - tracer: The tracer (an OTLP-exporting one, or `NoOpTracer()`); never the global one.
    ///   - options: What to record.
    ///   - redactor: Masks credentials in error messages and recorded arguments.
    public init(tracer: any Tracer, options: Options = Options(), redactor: Redactor = Redactor()) {
        self.tracer = tracer
        self.options = options
        self.redactor = redactor
        self.runs = Mutex(BoundedRunTable(capacity: options.maxOpenRuns))
    }

    /// Records an event; a run's span gets `ServiceContext.current` as its parent when it has no parent run.
    public func receive(_ event: RunEvent) async {
        record(event, context: ServiceContext.current)
    }

    /// Records an event synchronously, with `context` as the parent of a run span that has no parent run.
    public func record(_ event: RunEvent, context: ServiceContext? = nil) {
        guard let payload = try? event.payload else {
            // Data of the wrong shape still ends a run's spans: the kind says how it ended.
            if let outcome = event.outcome { runEnded(event, outcome: outcome, usage: nil, error: nil) }
            return
        }
        switch payload {
        case .runStarted(let e): runBegan(event, agent: e.agent, declaredParent: e.parentRunID, context: context)
        case .runResumed(let e): runBegan(event, agent: e.agent, declaredParent: nil, context: context)
        case .runFinished(let e): runEnded(event, outcome: .completed, usage: e.usage, error: nil)
        case .runFailed(let e): runEnded(event, outcome: .failed, usage: nil, error: e.error)
        case .runNeedsAttention(let e): runEnded(event, outcome: .needsAttention, usage: nil, error: e.error)
        case .runCancelled: runEnded(event, outcome: .cancelled, usage: nil, error: nil)
        case .runInterrupted: runEnded(event, outcome: .interrupted, usage: nil, error: nil)
        case .runWaiting: runEnded(event, outcome: .waiting, usage: nil, error: nil)
        case .modelRequest(let e): modelRequested(e, of: event)
        case .modelResponse(let e): modelResponded(e, of: event)
        case .modelFailed(let e): modelFailed(e, of: event)
        case .toolStarted(let e): toolStarted(e, of: event)
        case .toolFinished(let e): toolEnded(callID: e.callID, durationMS: e.durationMS, failure: nil, of: event)
        case .toolFailed(let e): toolEnded(callID: e.callID, durationMS: e.durationMS, failure: e.error ?? "tool call failed", of: event)
        case .delegationStarted(let e): delegationStarted(e, of: event)
        case .reasoningStep, .delegationFinished, .guardrailVerdict, .checkpoint, .modelDelta,
             .approvalRequested, .approvalGranted, .approvalDenied, .approvalExpired,
             .nodeStarted, .nodeFinished, .nodeFailed, .nodeRetrying, .nodeSkipped, .nodeProgress: break
        }
    }

    /// How many runs have an open span.
    public var openRuns: Int { runs.withLock { $0.count } }
}

extension RunEvent {
    /// The event's timestamp as a tracer instant.
    var instant: DefaultTracerClock.Timestamp {
        let seconds = max(0, timestamp.timeIntervalSince1970)
        let whole = seconds.rounded(.down)
        return DefaultTracerClock.Timestamp(nanosecondsSinceEpoch: UInt64(whole) * 1_000_000_000 + UInt64(((seconds - whole) * 1e9).rounded()))
    }
}

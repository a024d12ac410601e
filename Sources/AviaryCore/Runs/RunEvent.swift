import Foundation

/// One observable thing that happened in a run. The single event vocabulary that feeds
/// streaming, persistence, traces, metrics, the console and test reports.
public struct RunEvent: Sendable, Hashable, Codable {
    /// The event's type (stable wire names).
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case runStarted = "run.started", runFinished = "run.finished", runFailed = "run.failed"
        case runCancelled = "run.cancelled", runNeedsAttention = "run.needs_attention", runResumed = "run.resumed"
        case runInterrupted = "run.interrupted", runWaiting = "run.waiting"
        case modelRequest = "model.request", modelResponse = "model.response", modelFailed = "model.failed"
        /// A piece of streamed model text. Transient: delivered live to sinks, never persisted, no sequence of its own.
        case modelDelta = "model.delta"
        case toolStarted = "tool.started", toolFinished = "tool.finished", toolFailed = "tool.failed"
        case reasoningStep = "reasoning.step"
        case delegationStarted = "delegation.started", delegationFinished = "delegation.finished"
        case guardrailVerdict = "guardrail.verdict", checkpoint = "checkpoint"
        case approvalRequested = "approval.requested", approvalGranted = "approval.granted", approvalDenied = "approval.denied"
        case approvalExpired = "approval.expired"
        case nodeStarted = "node.started", nodeFinished = "node.finished", nodeFailed = "node.failed"
        case nodeRetrying = "node.retrying", nodeSkipped = "node.skipped", nodeProgress = "node.progress"
    }

    /// True for events that are only delivered live (``Kind/modelDelta``): they are not persisted and
    /// carry the sequence number of the last persisted event before them.
    public var isTransient: Bool { kind == .modelDelta }

    /// True for the events that end one execution of a run: finished, failed, cancelled,
    /// needs-attention, interrupted and waiting. Only the first three are final; the others can
    /// be resumed.
    public var endsExecution: Bool {
        switch kind {
        case .runFinished, .runFailed, .runCancelled, .runNeedsAttention, .runInterrupted, .runWaiting: return true
        default: return false
        }
    }

    /// How the API writes times: ISO 8601 with milliseconds (`2025-01-15T10:21:04.880Z`).
    public static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// The run this belongs to.
    public var runID: RunID
    /// Position in the run's event log (1-based, gap-free per run).
    public var sequence: Int
    /// When it happened.
    public var timestamp: Date
    /// The owning tenant.
    public var tenant: String
    /// What happened.
    public var kind: Kind
    /// Details (shape depends on `kind`: read it typed with ``payload``; documented in docs/events.md).
    public var data: JSONValue

    /// Creates an event.
    public init(runID: RunID, sequence: Int, timestamp: Date = Date(), tenant: String, kind: Kind, data: JSONValue = .object([:])) {
        self.runID = runID
        self.sequence = sequence
        self.timestamp = timestamp
        self.tenant = tenant
        self.kind = kind
        self.data = data
    }
}

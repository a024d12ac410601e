import Foundation

/// One observable thing that happened in a run. The single event vocabulary that feeds
/// streaming, persistence, traces, metrics, the console and test reports.
public struct RunEvent: Sendable, Hashable, Codable {
    /// The event's type (stable wire names).
    public enum Kind: String, Sendable, Hashable, Codable {
        case runStarted = "run.started", runFinished = "run.finished", runFailed = "run.failed"
        case runCancelled = "run.cancelled", runNeedsAttention = "run.needs_attention", runResumed = "run.resumed"
        case modelRequest = "model.request", modelResponse = "model.response", modelFailed = "model.failed"
        case toolStarted = "tool.started", toolFinished = "tool.finished", toolFailed = "tool.failed"
        case reasoningStep = "reasoning.step"
        case delegationStarted = "delegation.started", delegationFinished = "delegation.finished"
        case guardrailVerdict = "guardrail.verdict", checkpoint = "checkpoint"
    }

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
    /// Details (shape depends on `kind`; documented in docs/events.md).
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

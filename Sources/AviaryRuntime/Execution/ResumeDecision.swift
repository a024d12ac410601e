import AviaryCore

/// A human's decision for a run stopped in `needs_attention` (a non-idempotent step was interrupted).
public enum ResumeDecision: Sendable, Hashable {
    /// Run the interrupted step again.
    case retry
    /// Do not run it; use this value as its result.
    case skip(JSONValue)
    /// Fail the run.
    case fail
}

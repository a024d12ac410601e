/// Where a run is in its lifecycle.
public enum RunStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Created, not yet started.
    case pending
    /// Executing steps.
    case running
    /// Paused on a journal state (approval, human input).
    case waiting
    /// Stopped because a non-idempotent step was interrupted mid-call; a human decides.
    case needsAttention = "needs_attention"
    /// Finished with an output.
    case completed
    /// Finished with an error.
    case failed
    /// Stopped by a cancel request.
    case cancelled
    /// Stopped at a step boundary by a shutdown; `resume` continues it where it stopped.
    case interrupted

    /// True for completed, failed and cancelled.
    public var isTerminal: Bool { self == .completed || self == .failed || self == .cancelled }
}

import Foundation

/// One step of a run's append-only journal, keyed deterministically (`turn/3/model`).
public struct JournalEntry: Sendable, Hashable, Codable {
    /// Step state.
    public enum State: String, Sendable, Hashable, Codable {
        case started, completed, failed
        /// Suspended on a person: the output holds the request (an approval); a recorded answer
        /// completes the step.
        case waiting
    }

    /// The run.
    public var runID: RunID
    /// Deterministic step key.
    public var key: String
    /// Current state.
    public var state: State
    /// Recorded output when completed (model response or tool output as JSON).
    public var output: JSONValue?
    /// Error text when failed.
    public var error: String?
    /// When the state was recorded.
    public var updatedAt: Date
    /// For a `waiting` step whose request expires: when (the expiry scan finds the step by it;
    /// stored, not read back).
    public var wakesAt: Date?

    /// Creates an entry.
    public init(runID: RunID, key: String, state: State, output: JSONValue? = nil, error: String? = nil, updatedAt: Date = Date(),
                wakesAt: Date? = nil) {
        self.runID = runID
        self.key = key
        self.state = state
        self.output = output
        self.error = error
        self.updatedAt = updatedAt
        self.wakesAt = wakesAt
    }
}

/// A replay that left its recording: the run asked for something the recording does not have
/// (another question, a tool the recording's response never called, more requests than
/// recorded). The case fails; re-record it with `aviary test --record` when the change is intended.
public struct ReplayDivergence: Error, Sendable, Hashable, CustomStringConvertible {
    /// What differed, naming the agent or tool and the request.
    public let message: String

    /// Creates a divergence.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String {
        "replay diverged from the recording: \(message) (record again with `aviary test --record`, or ask the model a new question with --live)"
    }
}

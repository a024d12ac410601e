import AviaryCore

/// Why a workflow node's attempt failed, with the retry trigger it counts as.
struct NodeFailure: Error, Sendable, CustomStringConvertible {
    var kind: NodeRetry.Trigger
    var message: String
    /// False for failures a retry cannot change (a person's rejection).
    var retryable = true

    var description: String { message }
}

/// A workflow run that fails because a node failed with no error edge to follow.
public struct WorkflowFailed: Error, Sendable, CustomStringConvertible {
    /// The node that failed (`nil`: the run as a whole, such as a run that reached no sink).
    public var node: String?
    /// Its error.
    public var error: String

    public var description: String { node.map { "node '\($0)' failed: \(error)" } ?? error }
}

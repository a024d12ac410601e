/// An edge of a workflow: `from` → `to`, taken when its condition holds once `from` completes.
/// An error edge (a node's `on_error: <node>`) is taken instead when `from` fails.
public struct WorkflowEdge: Sendable {
    /// The source node's id.
    public var from: String
    /// The target node's id.
    public var to: String
    /// The condition (`when:`, or seed 003's `condition: {type: jmespath, expression}`): JMESPath
    /// over the run's context plus the source node's `output`, taken when truthy; `nil`: always.
    public var when: JMESPath?
    /// True for the edge a node's `on_error` adds: taken when the source fails, not when it completes.
    public var onError: Bool

    /// Creates an edge.
    public init(from: String, to: String, when: JMESPath? = nil, onError: Bool = false) {
        self.from = from
        self.to = to
        self.when = when
        self.onError = onError
    }
}

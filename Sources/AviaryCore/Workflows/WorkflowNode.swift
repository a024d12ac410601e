/// One node of a workflow: what it does (``NodeAction``, its `type`), its input and the rules
/// around its execution.
public struct WorkflowNode: Sendable {
    /// What a node does when it fails.
    public enum ErrorRoute: Sendable, Hashable {
        /// The run fails (the default).
        case fail
        /// The error edge to this node is taken (the failed node's output is `{error, node}`).
        case route(String)
    }

    /// The node's id, unique in its workflow.
    public var id: String
    /// What it does.
    public var action: NodeAction
    /// Its input (`input:`), rendered against the run's context; `nil`: the action's default.
    public var input: ValueTemplate?
    /// A guard (`when:`, or seed 003's node `condition:`): evaluated when the node is ready; a
    /// falsy result skips the node.
    public var guardCondition: JMESPath?
    /// The JSON Schema its output must match (`output_schema:`).
    public var outputSchema: JSONValue?
    /// Its retry policy.
    public var retry: NodeRetry
    /// How long one attempt may take, in seconds (`timeout:`).
    public var timeout: Double?
    /// What its failure does.
    public var onError: ErrorRoute
    /// A `HANDOVER` sink's routing of the conversation (`required_skills`, `priority`).
    public var handover: HandoverRouting?

    /// Creates a node.
    public init(id: String, action: NodeAction, input: ValueTemplate? = nil, guardCondition: JMESPath? = nil,
                outputSchema: JSONValue? = nil, retry: NodeRetry = .none, timeout: Double? = nil, onError: ErrorRoute = .fail) {
        self.id = id
        self.action = action
        self.input = input
        self.guardCondition = guardCondition
        self.outputSchema = outputSchema
        self.retry = retry
        self.timeout = timeout
        self.onError = onError
    }
}

/// What a workflow node does: its `type`.
public indirect enum NodeAction: Sendable {
    /// Runs an agent of the project as a child run (`agent:`), optionally with another model
    /// profile or tools for this node.
    case agent(name: String, model: String?, tools: [String]?)
    /// Calls one tool with the node's input as arguments; `approval` makes the call wait for a person first.
    case tool(name: String, approval: ApprovalRule?)
    /// Evaluates `expression` (JMESPath over the run's context): its result is the output. No model, no I/O.
    case transform(JMESPath)
    /// Waits for a person to approve (output `{approved, by, reason}`; a rejection fails the node).
    case approval(InterruptNode)
    /// Waits for a person's answer (the output; a rejection fails the node).
    case humanInput(InterruptNode)
    /// Runs another workflow as a child run (`workflow:`); its output is the child's result.
    case workflow(name: String)
    /// Runs `node` once per element of the array `over` evaluates to (`item` and `index` in its
    /// context), at most `maxConcurrency` at once; the output is the elements' outputs in order.
    /// With `collectErrors` a failed element's output is `{error}` instead of failing the map.
    case map(over: JMESPath, node: WorkflowNode, maxConcurrency: Int, collectErrors: Bool)
    /// Ends the workflow's path: `FINISH` or `HANDOVER` (to a person).
    case sink(SinkKind)

    /// The node type's name (`type:`).
    public var typeName: String {
        switch self {
        case .agent: "agent"
        case .tool: "tool"
        case .transform: "transform"
        case .approval: "approval"
        case .humanInput: "human_input"
        case .workflow: "workflow"
        case .map: "map"
        case .sink: "sink"
        }
    }
}

/// What a sink does.
public enum SinkKind: String, Sendable, Hashable {
    /// The workflow finished.
    case finish
    /// The conversation goes to a person (the run ends saying so).
    case handover
}

/// An `approval` or `human_input` node's request.
public struct InterruptNode: Sendable {
    /// What the person decides, as a template over the run's context.
    public var summary: ValueTemplate
    /// Who may answer.
    public var approvers: [Approver]
    /// How long the request waits, in seconds (`expires_in:`; `nil`: forever).
    public var expiresIn: Double?
    /// What expiry does.
    public var onExpiry: ApprovalExpiry
    /// The JSON Schema the answer must match (`human_input`'s `schema:`).
    public var answerSchema: JSONValue?
    /// The answer taken on expiry with `on_expiry: default`.
    public var defaultAnswer: JSONValue?

    /// Creates a request.
    public init(summary: ValueTemplate, approvers: [Approver] = Approver.defaults, expiresIn: Double? = nil,
                onExpiry: ApprovalExpiry = .reject, answerSchema: JSONValue? = nil, defaultAnswer: JSONValue? = nil) {
        self.summary = summary
        self.approvers = approvers
        self.expiresIn = expiresIn
        self.onExpiry = onExpiry
        self.answerSchema = answerSchema
        self.defaultAnswer = defaultAnswer
    }
}

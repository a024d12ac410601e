/// An agent as declared in YAML (`agents/<name>.yaml`) or in Swift.
public struct AgentDefinition: Sendable, Hashable {
    /// How the agent works.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// One model call with structured output validated against `outputSchema`.
        case simple
        /// The tool loop.
        case react
        /// Plan → execute → reflect (not yet implemented; rejected at validation).
        case planner
    }

    /// Lifecycle state.
    public enum Status: String, Sendable, Hashable, Codable { case draft, published }

    /// How expensive the agent is to run, for registries and routers that pick by cost.
    public enum CostTier: String, Sendable, Hashable, Codable, CaseIterable { case low, medium, high }

    /// Unique name (`[a-z0-9_-]`), also the tool name when delegated to.
    public var name: String
    /// What the agent does: the router sees this.
    public var description: String
    /// Kind (default `react`).
    public var kind: Kind
    /// Model reference: a profile (`fast`) or `provider/model`; `nil` uses the project default.
    public var model: String?
    /// Instructions template (see ``Template``).
    public var instructions: String
    /// Tool names, globs (`files.*`) and other agents' names.
    public var tools: [String]
    /// JSON Schema of the output (simple agents).
    public var outputSchema: JSONValue?
    /// Maximum model turns before the run fails (default 10).
    public var maxIterations: Int
    /// Version label (default "1").
    public var version: String
    /// Draft or published (default published for file-defined agents).
    public var status: Status
    /// Sampling temperature, if set.
    public var temperature: Double?
    /// What the agent can do (`customer-lookup`, `files`), for discovery (`GET /api/v1/agents?capability=`).
    public var capabilities: [String]
    /// Relative cost (default `medium`), for discovery (`GET /api/v1/agents?cost_tier=`).
    public var costTier: CostTier
    /// Which tool calls need a person's approval before they run, by tool name (``ApprovalRule``).
    public var approvals: [String: ApprovalRule]

    /// Creates a definition; fields other than name and instructions have defaults.
    public init(name: String, description: String = "", kind: Kind = .react, model: String? = nil, instructions: String,
                tools: [String] = [], outputSchema: JSONValue? = nil, maxIterations: Int = 10,
                version: String = "1", status: Status = .published, temperature: Double? = nil,
                capabilities: [String] = [], costTier: CostTier = .medium, approvals: [String: ApprovalRule] = [:]) {
        self.name = name
        self.description = description
        self.kind = kind
        self.model = model
        self.instructions = instructions
        self.tools = tools
        self.outputSchema = outputSchema
        self.maxIterations = maxIterations
        self.version = version
        self.status = status
        self.temperature = temperature
        self.capabilities = capabilities
        self.costTier = costTier
        self.approvals = approvals
    }
}

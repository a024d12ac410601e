/// A workflow: a DAG of nodes joined by edges, loaded from a project's `workflows/*.yaml`
/// (seed 003's shape: `name`, `version`, `description`, `input_schema`, `workflow: {nodes, edges}`).
public struct WorkflowDefinition: Sendable {
    /// The name runs of the workflow are started by (and store as their program).
    public var name: String
    /// The definition's version, as written (`2.0.0`).
    public var version: String
    /// What it does.
    public var description: String
    /// The JSON Schema the workflow's input must match (`nil`: any object).
    public var inputSchema: JSONValue?
    /// The most nodes of one run that execute at once (`max_parallel`, default 8).
    public var maxParallel: Int
    /// The human-in-the-loop configuration (`hil_config`): present on workflows that answer conversations.
    public var hil: HILConfig?
    /// The nodes, in the file's order.
    public var nodes: [WorkflowNode]
    /// The edges, in the file's order.
    public var edges: [WorkflowEdge]
    /// The document as loaded (JSON): what a run records, so that it resumes with the version it started with.
    public var source: JSONValue
    /// The file it was loaded from, relative to the project (`workflows/order.yaml`).
    public var file: String

    /// Creates a definition.
    public init(name: String, version: String, description: String = "", inputSchema: JSONValue? = nil, maxParallel: Int = 8, hil: HILConfig? = nil,
                nodes: [WorkflowNode], edges: [WorkflowEdge], source: JSONValue = .null, file: String = "") {
        self.name = name
        self.version = version
        self.description = description
        self.inputSchema = inputSchema
        self.maxParallel = maxParallel
        self.hil = hil
        self.nodes = nodes
        self.edges = edges
        self.source = source
        self.file = file
    }

    /// The node with this id.
    public func node(_ id: String) -> WorkflowNode? { nodes.first { $0.id == id } }
}

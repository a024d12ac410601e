import AviaryCore

/// The agents a project defines, by name.
public struct AgentCatalog: Sendable {
    private var agents: [String: AgentDefinition] = [:]

    /// Creates a catalog.
    public init(_ agents: [AgentDefinition] = []) {
        for agent in agents { self.agents[agent.name] = agent }
    }

    /// Adds or replaces an agent.
    public mutating func add(_ agent: AgentDefinition) { agents[agent.name] = agent }

    /// The agent with this name.
    public func agent(named name: String) -> AgentDefinition? { agents[name] }

    /// All agents sorted by name.
    public var all: [AgentDefinition] { agents.values.sorted { $0.name < $1.name } }

    /// All names, sorted.
    public var names: [String] { agents.keys.sorted() }
}

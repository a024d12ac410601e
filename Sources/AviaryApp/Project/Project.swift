import AviaryCore
import AviaryRuntime
import AviaryWorkflows
import Foundation

/// A loaded agent project: its configuration, agents and tools, validated.
public struct Project: Sendable {
    /// The effective configuration.
    public let configuration: AviaryConfiguration
    /// The agents.
    public let catalog: AgentCatalog
    /// Every tool agents may use (built-in and project-defined).
    public let tools: ToolRegistry
    /// The workflows (`workflows/*.yaml`), sorted by name.
    public let workflows: [WorkflowDefinition]

    /// Creates a project from parts (Swift-defined projects, tests).
    public init(configuration: AviaryConfiguration, catalog: AgentCatalog, tools: ToolRegistry, workflows: [WorkflowDefinition] = []) {
        self.configuration = configuration
        self.catalog = catalog
        self.tools = tools
        self.workflows = workflows.sorted { $0.name < $1.name }
    }

    /// The workflows as the programs the runtime runs them with.
    public func workflowPrograms() throws -> [any RunProgram] {
        try workflows.map { try WorkflowProgram($0) }
    }

    /// The workflow with this name.
    public func workflow(named name: String) -> WorkflowDefinition? { workflows.first { $0.name == name } }

    /// The agent that answers chat: the configured default, else `router`, else the only agent.
    public func chatAgent(_ requested: String? = nil) throws -> AgentDefinition {
        let name = requested ?? configuration.defaultAgent
        if let name {
            guard let agent = catalog.agent(named: name) else {
                throw ConfigurationError("no agent named '\(name)'; this project has: \(catalog.names.joined(separator: ", "))")
            }
            return agent
        }
        if let router = catalog.agent(named: "router") { return router }
        if catalog.all.count == 1 { return catalog.all[0] }
        throw ConfigurationError("this project has several agents and no 'router'; pick one with --agent (\(catalog.names.joined(separator: ", ")))")
    }
}

import AviaryCore
import AviaryKnowledge
import AviaryRuntime
import AviaryTools
import AviaryWorkflows
import Foundation

/// Loads a project folder: `agents/*.yaml`, `tools/*.yaml` (declarative tools), the built-in
/// workspace tools and `workflows/*.yaml`; seeds example databases; validates every cross-reference.
public struct ProjectLoader: Sendable {
    /// Changes the tools before agents are checked against them (`aviary test`'s stand-ins).
    let interposer: (any ApplicationInterposer)?

    /// Creates a loader; `interposer` may add or replace tools before the agents are validated.
    public init(interposer: (any ApplicationInterposer)? = nil) {
        self.interposer = interposer
    }

    /// Loads and validates. Throws ``ProjectLoadError`` listing every problem found.
    public func load(_ configuration: AviaryConfiguration) async throws -> Project {
        let root = configuration.projectDirectory
        var problems: [String] = []
        let agentsFolder = root.appendingPathComponent("agents", isDirectory: true)
        guard FileManager.default.fileExists(atPath: agentsFolder.path) else {
            throw ProjectLoadError(problems: ["\(root.path) has no agents/ folder; create one with `aviary init \(root.path)`"])
        }
        let (agents, agentErrors) = AgentLoader().loadFolder(agentsFolder, relativeTo: root)
        problems += agentErrors.map(\.description)
        var registry = ToolRegistry(WorkspaceTools.all(limits: configuration.workspace) + [RAGSearchTool(store: DetachedKnowledgeStore())])
        ConfigurableTools.register(into: &registry, configuration: configuration)
        for file in YAMLFolder.files(in: root.appendingPathComponent("tools", isDirectory: true)) {
            let display = "tools/" + file.lastPathComponent
            do {
                let tool = try await loadTool(file)
                if registry.tool(named: tool.spec.name) != nil || agents.contains(where: { $0.name == tool.spec.name }) {
                    problems.append("\(display): field 'name': '\(tool.spec.name)' is already used by another tool or agent")
                } else {
                    registry.register(tool)
                }
            } catch {
                problems.append("\(display): \(error)")
            }
        }
        if let interposer { registry = interposer.tools(registry) }
        let catalog = AgentCatalog(agents)
        let (workflows, workflowProblems) = Self.workflows(in: root, agents: catalog, tools: registry, configuration: configuration)
        problems += workflowProblems
        let workflowNames = Set(workflows.map(\.name))
        for agent in agents {
            // `name?` is optional: an agent may list a tool only some deployments have (web_search)
            for reference in agent.tools.map(ToolReference.init) where !reference.isOptional {
                let name = reference.name
                guard catalog.agent(named: name) == nil && registry.matching(name).isEmpty && !workflowNames.contains(name) else { continue }
                if let missing = registry.unavailable[name] {
                    problems.append(missing.problem(agent: agent.name))
                    continue
                }
                problems.append("agent '\(agent.name)': field 'tools': unknown tool, agent or workflow '\(name)'; available: \((registry.names + catalog.names + workflowNames).sorted().joined(separator: ", "))")
            }
        }
        if agents.isEmpty && agentErrors.isEmpty { problems.append("agents/ has no agent definitions (*.yaml)") }
        if !problems.isEmpty { throw ProjectLoadError(problems: problems) }
        return Project(configuration: configuration, catalog: catalog, tools: registry, workflows: workflows)
    }

    /// Loads and validates `workflows/*.yaml` against the project's agents and tools.
    static func workflows(in root: URL, agents: AgentCatalog, tools: ToolRegistry,
                          configuration: AviaryConfiguration) -> ([WorkflowDefinition], [String]) {
        let folder = root.appendingPathComponent("workflows", isDirectory: true)
        guard FileManager.default.fileExists(atPath: folder.path) else { return ([], []) }
        let (loaded, errors) = WorkflowLoader().loadFolder(folder, relativeTo: root)
        var validator = WorkflowValidator(agents: Set(agents.names), tools: Set(tools.names), workflows: Set(loaded.map(\.name)))
        validator.unavailableTools = tools.unavailable
        var problems = errors.map(\.description)
        var valid: [WorkflowDefinition] = []
        for definition in loaded {
            let found = validator.problems(in: definition).map(\.description) + Self.modelProblems(definition, configuration: configuration)
            if found.isEmpty { valid.append(definition) } else { problems += found }
        }
        return (valid, problems)
    }

    /// Agent nodes whose `model_profile` is neither a profile of `aviary.yaml` nor a
    /// `provider/model` reference (a typo found at load time rather than when the node runs).
    static func modelProblems(_ definition: WorkflowDefinition, configuration: AviaryConfiguration) -> [String] {
        var problems: [String] = []
        func check(_ node: WorkflowNode) {
            switch node.action {
            case .agent(_, let model?, _) where configuration.profiles[model] == nil && ModelReference(model) == nil:
                let profiles = configuration.profiles.keys.sorted().joined(separator: ", ")
                problems.append(WorkflowLoadError(file: definition.file, node: node.id, field: "model_profile", message: """
                    '\(model)' is neither a profile of aviary.yaml (\(profiles.isEmpty ? "none defined" : profiles)) \
                    nor a provider/model reference such as openai/gpt-4o-mini
                    """).description)
            case .map(_, let inner, _, _): check(inner)
            default: break
            }
        }
        definition.nodes.forEach(check)
        return problems
    }

    private func loadTool(_ file: URL) async throws -> any Tool {
        let text = try String(contentsOf: file, encoding: .utf8)
        let value = try YAMLValue.parse(text)
        let kind = value["kind"]?.stringValue ?? "sql"
        guard kind == "sql" else { throw ConfigurationError("field 'kind': unsupported tool kind '\(kind)' (supported: sql)") }
        let definition: SQLToolDefinition
        do { definition = try value.decode(as: SQLToolDefinition.self) } catch {
            throw ConfigurationError("not a valid sql tool definition: \(Self.describe(error))")
        }
        let base = file.deletingLastPathComponent()
        // a per-tenant database (`{tenant}` in its path) is provisioned per tenant by the operator
        if !definition.database.contains("{tenant}") {
            try await seedIfNeeded(URL(fileURLWithPath: definition.database, relativeTo: base).standardizedFileURL)
        }
        return try SQLQueryTool(definition: definition, baseDirectory: base)
    }

    /// Creates `x.db` from `x.sql` beside it when the database does not exist yet.
    private func seedIfNeeded(_ database: URL) async throws {
        guard !FileManager.default.fileExists(atPath: database.path) else { return }
        let script = database.deletingPathExtension().appendingPathExtension("sql")
        guard FileManager.default.fileExists(atPath: script.path) else { return }
        try await SQLDatabaseSeeder.seed(databaseAt: database, sqlFile: script)
    }

    static func describe(_ error: any Error) -> String {
        if case DecodingError.keyNotFound(let key, _) = error { return "missing field '\(key.stringValue)'" }
        if case DecodingError.typeMismatch(_, let ctx) = error {
            return "field '\(ctx.codingPath.map(\.stringValue).joined(separator: "."))': wrong type"
        }
        return "\(error)"
    }
}

/// Everything wrong with a project, one problem per line.
public struct ProjectLoadError: Error, Sendable, CustomStringConvertible {
    /// Each problem names its file and field.
    public let problems: [String]
    public var description: String { problems.joined(separator: "\n") }
}

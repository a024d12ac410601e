import AviaryCore
import Foundation

/// Discovers and validates YAML agent definitions (`agents/*.yaml`).
public struct AgentLoader: Sendable {
    /// The fields a definition may set; each one is used by the runtime, the registry or routing.
    static let knownFields: Set<String> = ["name", "description", "kind", "model", "instructions", "tools", "output_schema",
                                           "max_iterations", "version", "status", "temperature", "capabilities", "cost_tier",
                                           "approvals"]

    /// Fields that belong to the format but that Aviary does not enforce yet, with why. A
    /// definition that sets one fails validation, so nobody believes e.g. guardrails are on.
    static let unsupportedFields: [String: String] = [
        "guardrails": "Aviary would not apply them",
        "memory": "an agent remembers only its session's transcript",
    ]

    /// Creates a loader.
    public init() {}

    /// Loads every `*.yaml` / `*.yml` file in a folder (sorted). Returns the agents that loaded and
    /// every problem found; duplicate names are an error.
    public func loadFolder(_ folder: URL, relativeTo root: URL? = nil) -> (agents: [AgentDefinition], errors: [AgentLoadError]) {
        var agents: [AgentDefinition] = []
        var errors: [AgentLoadError] = []
        var seen: [String: String] = [:]
        for file in YAMLFolder.files(in: folder) {
            let display = root.map { YAMLFolder.relative(file, to: $0) } ?? file.lastPathComponent
            do {
                let text = try String(contentsOf: file, encoding: .utf8)
                let agent = try load(yaml: text, file: display, defaultName: file.deletingPathExtension().lastPathComponent)
                if let other = seen[agent.name] {
                    errors.append(AgentLoadError(file: display, field: "name", message: "agent '\(agent.name)' is already defined in \(other)"))
                } else {
                    seen[agent.name] = display
                    agents.append(agent)
                }
            } catch let e as AgentLoadError {
                errors.append(e)
            } catch {
                errors.append(AgentLoadError(file: display, message: "\(error)"))
            }
        }
        return (agents, errors)
    }

    /// Parses and validates one definition.
    public func load(yaml text: String, file: String, defaultName: String) throws -> AgentDefinition {
        let value: JSONValue
        do { value = try YAMLValue.parse(text) } catch {
            throw AgentLoadError(file: file, message: "malformed YAML: \(error)")
        }
        guard case .object(let fields) = value else {
            throw AgentLoadError(file: file, message: "expected a mapping of agent fields at the top level")
        }
        return try AgentFieldParser(file: file, fields: fields, defaultName: defaultName).parse()
    }
}

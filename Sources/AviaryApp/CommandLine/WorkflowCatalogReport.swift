import AviaryCore
import AviaryWorkflows
import Foundation

extension Project {
    /// `aviary workflows list`: one line per workflow (name, version, nodes, file, description).
    public var workflowLines: [String] {
        workflows.isEmpty ? ["this project has no workflows (add workflows/*.yaml)"]
            : workflows.map { "\($0.name)  \($0.version)  \($0.nodes.count) nodes  \($0.file)\($0.description.isEmpty ? "" : "  \($0.description)")" }
    }

    /// `aviary workflows show`: the definition as the API's `GET /api/v1/workflows/{name}` shows it.
    public func workflowDetail(_ name: String) throws -> JSONValue {
        let definition = try requireWorkflow(name)
        var object: [String: JSONValue] = ["name": .string(definition.name), "version": .string(definition.version),
                                           "file": .string(definition.file), "nodes": .number(Double(definition.nodes.count)),
                                           "definition": definition.source, "mermaid": .string(WorkflowDiagram(definition).mermaid)]
        if !definition.description.isEmpty { object["description"] = .string(definition.description) }
        if let schema = definition.inputSchema { object["input_schema"] = schema }
        return .object(object)
    }

    /// `aviary workflows graph`: Mermaid or DOT source.
    public func workflowGraph(_ name: String, format: String) throws -> String {
        let diagram = WorkflowDiagram(try requireWorkflow(name))
        switch format {
        case "mermaid": return diagram.mermaid
        case "dot": return diagram.dot
        default: throw ConfigurationError("unknown graph format '\(format)' (mermaid or dot)")
        }
    }

    private func requireWorkflow(_ name: String) throws -> WorkflowDefinition {
        guard let definition = workflow(named: name) else {
            throw ConfigurationError("no workflow named '\(name)'; this project has: \(workflows.map(\.name).joined(separator: ", "))")
        }
        return definition
    }
}

import AviaryCore
import AviaryRuntime
import Foundation

/// Discovers and parses workflow definitions (`workflows/*.yaml`). Cross-references are checked
/// by ``WorkflowValidator`` once the project's agents and tools are known.
public struct WorkflowLoader: Sendable {
    /// Creates a loader.
    public init() {}

    /// Loads every `*.yaml` / `*.yml` file of a folder (sorted by name). Returns the definitions
    /// that parsed and every problem found; a name defined twice is a problem.
    public func loadFolder(_ folder: URL, relativeTo root: URL? = nil) -> (definitions: [WorkflowDefinition], errors: [WorkflowLoadError]) {
        var definitions: [WorkflowDefinition] = []
        var errors: [WorkflowLoadError] = []
        var seen: [String: String] = [:]
        for file in YAMLFolder.files(in: folder) {
            let display = root.map { YAMLFolder.relative(file, to: $0) } ?? file.lastPathComponent
            do {
                let text = try String(contentsOf: file, encoding: .utf8)
                let definition = try load(yaml: text, file: display, defaultName: file.deletingPathExtension().lastPathComponent)
                if let other = seen[definition.name] {
                    errors.append(WorkflowLoadError(file: display, field: "name", message: "workflow '\(definition.name)' is already defined in \(other)"))
                } else {
                    seen[definition.name] = display
                    definitions.append(definition)
                }
            } catch let e as WorkflowLoadErrors {
                errors += e.problems
            } catch {
                errors.append(WorkflowLoadError(file: display, message: "\(error)"))
            }
        }
        return (definitions, errors)
    }

    /// Parses one definition from YAML text.
    public func load(yaml text: String, file: String, defaultName: String) throws(WorkflowLoadErrors) -> WorkflowDefinition {
        let document: JSONValue
        do { document = try YAMLValue.parse(text) } catch {
            throw WorkflowLoadErrors([WorkflowLoadError(file: file, message: "malformed YAML: \(error)")])
        }
        return try parse(document, file: file, defaultName: defaultName)
    }

    /// Parses a definition from its JSON document (what a run records of the version it started with).
    public func parse(_ document: JSONValue, file: String, defaultName: String) throws(WorkflowLoadErrors) -> WorkflowDefinition {
        var parser = WorkflowParser(file: file)
        guard let definition = parser.parse(document, defaultName: defaultName) else { throw WorkflowLoadErrors(parser.problems) }
        return definition
    }
}

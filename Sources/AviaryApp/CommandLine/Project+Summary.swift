import AviaryCore
import AviaryRuntime

extension Project {
    /// What `aviary validate` prints for a valid project: one line per agent (kind and tools) and
    /// per workflow (version and nodes), then the counts.
    public var summaryLines: [String] {
        catalog.all.map { "ok  agent \($0.name) (\($0.kind.rawValue), tools: \($0.tools.joined(separator: ", ")))" }
            + workflows.map { "ok  workflow \($0.name) \($0.version) (\($0.file), \($0.nodes.count) nodes)" }
            + ["\(catalog.all.count) agents, \(tools.names.count) tools\(workflows.isEmpty ? "" : ", \(workflows.count) workflows"): valid"]
    }
}

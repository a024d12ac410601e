import AviaryCore
import AviaryRuntime

extension Project {
    /// What `aviary validate` prints for a valid project: one line per agent (kind and tools),
    /// then the counts.
    public var summaryLines: [String] {
        catalog.all.map { "ok  agent \($0.name) (\($0.kind.rawValue), tools: \($0.tools.joined(separator: ", ")))" }
            + ["\(catalog.all.count) agents, \(tools.names.count) tools: valid"]
    }
}

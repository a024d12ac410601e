/// One entry of an agent's `tools:` list: a tool, agent or workflow name or a glob (`files.*`),
/// optionally followed by `?`. A `?` entry is optional: when nothing by that name exists the agent
/// loads and runs without it (a tool some deployments configure and others do not, such as
/// `web_search`); a plain entry that matches nothing is an error.
public struct ToolReference: Sendable, Hashable {
    /// The name or glob, without the `?`.
    public let name: String
    /// Whether the entry ended with `?`.
    public let isOptional: Bool

    /// Reads an entry of `tools:`.
    public init(_ entry: String) {
        if entry.utf8.count > 1, entry.utf8.last == UInt8(ascii: "?") {
            name = String(entry.dropLast())
            isOptional = true
        } else {
            name = entry
            isOptional = false
        }
    }
}

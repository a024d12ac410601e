/// A built-in tool that this configuration leaves out, and what it needs: an agent that names it
/// gets this reason (from `aviary validate`, a reload and the runtime) instead of "unknown tool".
public struct UnavailableTool: Sendable, Hashable {
    /// The tool's name (`web_search`).
    public var name: String
    /// What turns it on, worded to follow "which needs": `a search provider: add … to aviary.yaml`.
    public var needs: String

    /// Creates the entry.
    public init(name: String, needs: String) {
        self.name = name
        self.needs = needs
    }

    /// `web_search needs a search provider: …`.
    public var reason: String { "\(name) needs \(needs)" }

    /// `agent 'researcher' uses web_search, which needs a search provider: …`.
    public func problem(agent: String) -> String { "agent '\(agent)' uses \(name), which needs \(needs)" }
}

import AviaryCore

/// What a run's input may change of its agent for that run only: the model (a profile such as
/// `powerful`, or `provider/model`) and the tools (names or globs of the project's tools). A
/// workflow's agent node sets them (`model_profile`, `tools`) in its child run's input under
/// ``key``; they are stored with the run, so a resume uses them too. Only child runs read them
/// (a caller cannot widen an agent's tools through its own input), and the workflow engine
/// removes the member from whatever input it passes on before it sets its own.
struct AgentOverrides: Sendable, Hashable {
    /// The input member that holds the overrides.
    static let key = "agent_overrides"

    var model: String?
    var tools: [String]?

    /// The overrides in a run's input, or `nil` when it has none; a malformed member is refused.
    init?(input: JSONValue, agent: String) throws {
        guard let value = input[Self.key], !value.isNull else { return nil }
        guard case .object(let fields) = value else {
            throw RuntimeError(.agentNotRunnable, "run input '\(Self.key)' for agent '\(agent)' must be an object with 'model' and/or 'tools'")
        }
        if let unknown = fields.keys.first(where: { $0 != "model" && $0 != "tools" }) {
            throw RuntimeError(.agentNotRunnable, "run input '\(Self.key)' for agent '\(agent)' has unknown field '\(unknown)' (it takes 'model' and 'tools')")
        }
        model = fields["model"]?.stringValue
        if let list = fields["tools"] {
            guard let items = list.arrayValue?.compactMap(\.stringValue), items.count == list.arrayValue?.count else {
                throw RuntimeError(.agentNotRunnable, "run input '\(Self.key).tools' for agent '\(agent)' must be a list of tool names")
            }
            tools = items
        }
    }
}

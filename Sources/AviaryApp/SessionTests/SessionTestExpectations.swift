import AviaryCore

/// A case's optional `expect` block: what must have happened in the turn for the case to pass.
/// Each list is checked whole and every unmet item is reported by name.
public struct SessionTestExpectations: Sendable, Hashable {
    /// Tools some agent of the turn called (any agent: the router's file tools, a delegate's `rag_search`).
    public var toolsCalled: [String]
    /// Agents the turn delegated to (a tool call whose name is an agent with a transcript).
    public var agentsDelegated: [String]
    /// Text the answer contains (ignoring case).
    public var answerContains: [String]
    /// Files that exist in the session workspace after the turn (paths relative to it).
    public var filesCreated: [String]

    /// Creates expectations; every list defaults to empty (nothing expected).
    public init(toolsCalled: [String] = [], agentsDelegated: [String] = [], answerContains: [String] = [], filesCreated: [String] = []) {
        self.toolsCalled = toolsCalled
        self.agentsDelegated = agentsDelegated
        self.answerContains = answerContains
        self.filesCreated = filesCreated
    }

    static let fields: Set<String> = ["tools_called", "agents_delegated", "answer_contains", "files_created"]

    /// Reads an `expect` object.
    init(_ value: JSONValue, path: String) throws(SessionTestError) {
        let reader = try JSONObjectReader(value, path: path, known: Self.fields, fail: SessionTestError.invalidFile)
        self.init(toolsCalled: try reader.strings("tools_called") ?? [], agentsDelegated: try reader.strings("agents_delegated") ?? [],
                  answerContains: try reader.strings("answer_contains") ?? [], filesCreated: try reader.strings("files_created") ?? [])
    }

    /// Every unmet expectation, one line each (empty: all met).
    public func unmet(by observation: SessionTestObservation) -> [String] {
        var problems: [String] = []
        let called = observation.toolsCalled
        for tool in toolsCalled where !called.contains(tool) {
            problems.append("tools_called: '\(tool)' was not called (called: \(Self.list(called)))")
        }
        let delegated = observation.agentsDelegated
        for agent in agentsDelegated where !delegated.contains(agent) {
            problems.append("agents_delegated: '\(agent)' was not delegated to (delegated: \(Self.list(delegated)))")
        }
        let answer = observation.answer.lowercased()
        for text in answerContains where !answer.contains(text.lowercased()) {
            problems.append("answer_contains: the answer does not contain '\(text)'")
        }
        let files = observation.files.map(\.path)
        for file in filesCreated where !files.contains(file) {
            problems.append("files_created: '\(file)' is not in the session workspace (files: \(Self.list(files)))")
        }
        return problems
    }

    private static func list(_ names: some Collection<String>) -> String {
        names.isEmpty ? "none" : names.sorted().joined(separator: ", ")
    }
}

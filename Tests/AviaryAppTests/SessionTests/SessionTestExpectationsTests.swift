import AviaryApp
import AviaryCore
import Testing

/// The `expect` block against what a turn did: each unmet item named, only this turn's messages counted.
@Suite struct SessionTestExpectationsTests {
    static func call(_ id: String, _ name: String) -> Part { .toolCall(ToolCall(id: id, name: name, arguments: [:])) }

    /// A turn where the router wrote a file and delegated to `support`, which called `lookup`.
    static let observation = SessionTestObservation(
        chatURL: "in-process", userID: "u", requestedSessionID: "ses_1", question: "q", answer: "Done: Saved to Notes.md", sessionID: "ses_1",
        agent: "router",
        conversations: [
            SessionConversation(agent: "router", messages: [
                .user("earlier"), Message(role: .assistant, parts: [call("c0", "grep")]), .assistant("earlier answer"),
                .user("q"), Message(role: .assistant, parts: [call("c1", "write"), call("c2", "support")]), .assistant("Done"),
            ], earlier: 3),
            SessionConversation(agent: "support", messages: [.user("sub"), Message(role: .assistant, parts: [call("c3", "lookup")]), .assistant("ok")]),
        ],
        files: [SessionFile(path: "notes.md", size: 3, preview: "abc")])

    @Test func allMet() {
        let expect = SessionTestExpectations(toolsCalled: ["write", "lookup", "support"], agentsDelegated: ["support"],
                                             answerContains: ["saved to notes.md"], filesCreated: ["notes.md"])
        #expect(expect.unmet(by: Self.observation).isEmpty)
        #expect(Self.observation.toolsCalled == ["write", "support", "lookup"])
        #expect(Self.observation.agentsDelegated == ["support"])
    }

    @Test func everyUnmetItemIsNamed() {
        let expect = SessionTestExpectations(toolsCalled: ["grep", "read"], agentsDelegated: ["knowledge"],
                                             answerContains: ["Saved", "comparison"], filesCreated: ["comparison.md"])
        let unmet = expect.unmet(by: Self.observation)
        #expect(unmet.count == 5)
        #expect(unmet[0].hasPrefix("tools_called: 'grep' was not called"), "earlier turns do not count")
        #expect(unmet[1].hasPrefix("tools_called: 'read' was not called (called: lookup, support, write)"))
        #expect(unmet[2] == "agents_delegated: 'knowledge' was not delegated to (delegated: support)")
        #expect(unmet[3] == "answer_contains: the answer does not contain 'comparison'")
        #expect(unmet[4] == "files_created: 'comparison.md' is not in the session workspace (files: notes.md)")
    }
}

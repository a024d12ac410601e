import AviaryApp
import AviaryCore
import Foundation
import Testing

/// The Markdown report: seed 000's sections in order, numbered messages with tool calls and their results.
@Suite struct SessionTestReportTests {
    static let test = SessionTestCase(name: "01_files", description: "The router writes and reads a note.", question: "Save a note",
                                      userID: "client001", expect: SessionTestExpectations(toolsCalled: ["write", "grep"]))

    static let observation = SessionTestObservation(
        chatURL: "in-process (replay of tests/recordings/01_files.json)", userID: "client001", requestedSessionID: nil,
        question: "Save a note", response: ["sessionId": "ses_1", "response": "Saved.", "metadata": ["total_tokens": 42]],
        answer: "Saved.", sessionID: "ses_1", agent: "router",
        conversations: [
            SessionConversation(agent: "router", messages: [
                .user("Save a note"),
                Message(role: .assistant, parts: [.text("Writing it."), .toolCall(ToolCall(id: "c1", name: "write", arguments: ["path": "a.txt", "content": "hi"]))]),
                Message(role: .tool, parts: [.toolResult(ToolResult(callID: "c1", name: "write", content: "wrote 2 bytes to a.txt"))]),
                Message(role: .assistant, parts: [.toolCall(ToolCall(id: "c2", name: "read", arguments: ["path": "a.txt"]))]),
                Message(role: .tool, parts: [.toolResult(ToolResult(callID: "c2", name: "read", content: "line 1\nline ```2```", isError: false))]),
                .assistant("Saved.\nDone."),
            ]),
            SessionConversation(agent: "helper", messages: [.user("sub-question"), .assistant("sub-answer")]),
        ],
        files: [SessionFile(path: "a.txt", size: 2, preview: "hi"), SessionFile(path: "b/c.md", size: 300, preview: "# Title\nbody")])

    static var rendered: String {
        let result = SessionTestResult(name: "01_files", mode: .replay, unmet: ["tools_called: 'grep' was not called (called: read, write)"],
                                       sessionID: "ses_1", report: "tests/results/01_files.md")
        return SessionTestReport(test: test, observation: observation, result: result, generated: Date(timeIntervalSince1970: 1_739_887_620)).render()
    }

    @Test func seedZeroSectionsInOrder() throws {
        let text = Self.rendered
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("#") }.map(String.init)
        #expect(headings == ["# Agent Session Test Result: 01_files", "## Description (human)", "## Request", "## Response",
                             "## Session Files (name + first 100 chars)", "## Conversations (structured)",
                             "### Conversation: `router`", "### Conversation: `helper`", "## Result"])
        #expect(text.contains("\nGenerated: 2025-02-18 14:07:00 UTC\n"))
        #expect(text.contains("- chat_url: in-process (replay of tests/recordings/01_files.json)\n- user_id: client001\n- session_id: (new session)\n- question: Save a note\n"))
        #expect(text.contains("```json\n{\n  \"metadata\": {\n    \"total_tokens\": 42\n  },\n  \"response\": \"Saved.\",\n  \"sessionId\": \"ses_1\"\n}\n```"))
        #expect(text.contains("- `a.txt` (2 bytes)\n  > hi\n- `b/c.md` (300 bytes)\n  > # Title\n  > body\n"))
    }

    @Test func conversationsNumberMessagesWithToolCallsAndResults() {
        let router = SessionTestReport.render(Self.observation.conversations[0])
        #expect(router == """
            ### Conversation: `router`

            1. **user**
               Save a note
            2. **assistant**
               Writing it.
               tool_calls:
                 - name: write
                   args: {"content":"hi","path":"a.txt"}
                   result: wrote 2 bytes to a.txt
            3. **assistant**
               tool_calls:
                 - name: read
                   args: {"path":"a.txt"}
                   result:
                   ````
                   line 1
                   line ```2```
                   ````
            4. **assistant**
               Saved.
               Done.

            """)
    }

    @Test func resultSectionNamesEveryProblem() {
        let text = Self.rendered
        #expect(text.hasSuffix("""
            ## Result

            - status: **failed**
            - mode: replay
            - session: ses_1
            - expectations: 1 of 2 met
            - ✗ tools_called: 'grep' was not called (called: read, write)

            """))
    }
}

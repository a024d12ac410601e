import AviaryApp
import AviaryCore
import Foundation
import Testing

/// `tests/test_cases.json`: seed 000's fields, Aviary's additions, and refusals that name the field.
@Suite struct SessionTestFileTests {
    static func parse(_ text: String) throws(SessionTestError) -> SessionTestFile { try SessionTestFile(parsing: Array(text.utf8)) }

    static func refusal(_ text: String) -> String {
        do { _ = try parse(text); return "accepted" } catch { return error.message }
    }

    @Test func seedZeroFormat() throws {
        let file = try Self.parse("""
            {"tests": [{"name": "01_base_agent_native_tools", "description": "Router uses file tools",
                        "default_question": "Save a note", "default_user_id": "client001", "default_session_id": null,
                        "default_chat_url": "http://localhost:8000/chat", "sessions_root": "~/.skywalker/sessions"}]}
            """)
        let test = try #require(file.tests.first)
        #expect(test.name == "01_base_agent_native_tools")
        #expect(test.description == "Router uses file tools")
        #expect(test.question == "Save a note")
        #expect(test.userID == "client001")
        #expect(test.sessionID == nil)
        #expect(test.chatURL == "http://localhost:8000/chat")
        #expect(test.sessionsRoot == "~/.skywalker/sessions")
        #expect(test.expect == nil)
        #expect(test.recordedTools == ["web_search"])
        #expect(file.setup.ingest.isEmpty)
    }

    @Test func aviaryFields() throws {
        let file = try Self.parse("""
            {"description": "cases", "setup": {"ingest": [{"namespace": "docs", "paths": ["knowledge", "extra/faq.md"], "metadata": {"team": "a"}}]},
             "tests": [{"name": "a", "default_question": "q", "agent": "helper", "recorded_tools": [],
                        "expect": {"tools_called": ["write"], "agents_delegated": ["support"], "answer_contains": ["ok"], "files_created": ["x.md"]}},
                       {"name": "b.2", "default_question": "q2", "default_session_id": "ses_1"}]}
            """)
        #expect(file.setup.ingest == [SessionTestSetup.Ingest(namespace: "docs", paths: ["knowledge", "extra/faq.md"], metadata: ["team": "a"])])
        #expect(file.tests[0].agent == "helper")
        #expect(file.tests[0].recordedTools == [])
        #expect(file.tests[0].expect == SessionTestExpectations(toolsCalled: ["write"], agentsDelegated: ["support"], answerContains: ["ok"], filesCreated: ["x.md"]))
        #expect(file.tests[0].userID == "session-test", "default user")
        #expect(file.tests[1].sessionID == "ses_1")
        #expect(try file.selected("b.2").map(\.name) == ["b.2"])
        #expect(try file.selected(nil).map(\.name) == ["a", "b.2"])
        #expect(throws: SessionTestError.self) { _ = try file.selected("c") }
    }

    @Test(arguments: [
        (#"{"tests": [{"name": "a", "default_question": "q", "default_questoin": "typo"}]}"#, "tests[0]: unknown field 'default_questoin'"),
        (#"{"tests": [{"name": "a", "default_question": "q", "expect": {"tool_called": ["x"]}}]}"#, "tests[0].expect: unknown field 'tool_called'"),
        (#"{"tests": [], "extra": 1}"#, "unknown field 'extra'"),
        (#"{"tests": []}"#, "tests: has no test cases"),
        (#"{"cases": []}"#, "unknown field 'cases'"),
        (#"{"tests": [{"default_question": "q"}]}"#, "tests[0].name: required"),
        (#"{"tests": [{"name": "a"}]}"#, "tests[0].default_question: required"),
        (#"{"tests": [{"name": "../evil", "default_question": "q"}]}"#, "tests[0].name: '../evil' must use"),
        (#"{"tests": [{"name": "a", "default_question": "q"}, {"name": "a", "default_question": "r"}]}"#, "tests[1].name: 'a' is used by another case"),
        (#"{"tests": [{"name": "a", "default_question": 3}]}"#, "tests[0].default_question: expected text, got integer"),
        (#"{"tests": [{"name": "a", "default_question": "q", "expect": {"files_created": "x"}}]}"#, "expect.files_created: expected a list of text, got string"),
        (#"{"setup": {"ingest": [{"namespace": "x", "paths": ["../outside"]}]}, "tests": [{"name": "a", "default_question": "q"}]}"#, "paths[0]: '../outside' must be relative"),
        (#"{"setup": {"ingest": [{"namespace": "x"}]}, "tests": [{"name": "a", "default_question": "q"}]}"#, "setup.ingest[0].paths: required"),
        (#"{"setup": {"seed": []}, "tests": [{"name": "a", "default_question": "q"}]}"#, "setup: unknown field 'seed'"),
        ("not json", "not JSON"),
    ])
    func refusals(_ text: String, _ expected: String) {
        let message = Self.refusal(text)
        #expect(message.contains(expected), "\(message)")
    }

    @Test func theSupportSwarmsCasesParse() throws {
        let file = try SessionTestFile.load(project: ExampleProject.packageRoot.appendingPathComponent("Examples/support-swarm"))
        #expect(file.tests.map(\.name) == ["01_base_agent_native_tools", "02_customer_data_active_incidents",
                                           "03_knowledge_agent_compare_stone_vs_infinitepay"])
        #expect(file.setup.ingest.first?.namespace == "infinitepay")
        #expect(file.tests.allSatisfy { $0.expect != nil })
    }
}

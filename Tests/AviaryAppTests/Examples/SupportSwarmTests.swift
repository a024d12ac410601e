import AviaryApp
import AviaryCore
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import Foundation
import Synchronization
import Testing

/// Seed 000's agent-session test cases 01 and 02 on the support-swarm example, with scripted models
/// standing in for the LLM's decisions; tools, store, delegation and workspace are real.
@Suite struct SupportSwarmTests {
    static func isRouter(_ r: ModelRequest) -> Bool { r.messages.first?.text.contains("support assistant of a payments company") == true }
    static func toolMessages(_ r: ModelRequest) -> [ToolResult] { r.messages.filter { $0.role == .tool }.flatMap(\.toolResults) }

    @Test func case01RouterUsesNativeFileTools() async throws {
        try await ExampleProject.with("support-swarm") { config in
            let model = ScriptedModel([
                .toolCall("write", ["path": "notes/today.txt", "content": "Meeting with Acme at 3pm"]),
                .toolCall("read", ["path": "notes/today.txt"]),
                .toolCall("find", ["pattern": "**/*.txt"]),
                .dynamic { r in
                    let results = Self.toolMessages(r)
                    return .text("Saved. The file says: \(results[1].content). Files: \(results[2].content)")
                },
            ], onMisuse: { Issue.record($0) })
            let options = AviaryApplication.Options(modelProvider: SingleModelProvider(model))
            let result = try await AviaryApplication.with(config, options: options) { app in
                let chat = try await app.runtime.chat(ChatRequest(userID: "client001", question: "Save a note 'Meeting with Acme at 3pm' to notes/today.txt, read it back and list my files.", agent: "router"))
                let workspace = try #require(app.runtime.workspace(forSession: chat.session.id, tenant: "default"))
                let saved = try String(contentsOf: workspace.appendingPathComponent("notes/today.txt"), encoding: .utf8)
                let transcript = try await app.store.loadTranscript(sessionID: chat.session.id, tenant: "default", agent: "router")
                return (chat, saved, transcript)
            }
            let (chat, saved, transcript) = result
            #expect(chat.run.status == .completed)
            #expect(saved == "Meeting with Acme at 3pm")
            #expect(chat.response.contains("Meeting with Acme at 3pm"))
            #expect(chat.response.contains("notes/today.txt"))
            #expect(transcript.flatMap(\.toolCalls).map(\.name) == ["write", "read", "find"])
            #expect(transcript.first?.role == .user)
            #expect(chat.session.turns == 1)
            #expect(chat.session.usage.requests == 4)
            try model.verifyConsumed()
        }
    }

    @Test func case02RouterDelegatesToCustomerSupportForActiveIncidents() async throws {
        try await ExampleProject.with("support-swarm") { config in
            let model = FunctionModel { r in
                let results = Self.toolMessages(r)
                if Self.isRouter(r) {
                    if results.isEmpty { return .toolCall("customer_support", ["question": "Which platform incidents are active right now?"], id: "r1") }
                    return .text("Here is what support found: \(results[0].content)")
                }
                #expect(r.tools.map(\.name).sorted() == ["get_active_incidents", "get_customer_overview", "get_recent_operations"])
                if results.isEmpty { return .toolCall("get_active_incidents", [:], id: "s1") }
                let rows = try JSONValue(parsing: results[0].content).arrayValue ?? []
                let titles = rows.compactMap { $0["title"]?.stringValue }
                return .text("Active incidents: " + titles.joined(separator: "; "))
            }
            let events = Mutex<[RunEvent]>([])
            let options = AviaryApplication.Options(sink: ClosureEventSink { e in events.withLock { $0.append(e) } },
                                                    modelProvider: SingleModelProvider(model))
            let (chat, child, agents) = try await AviaryApplication.with(config, options: options) { app in
                let chat = try await app.runtime.chat(ChatRequest(userID: "client789", question: "Are there any active incidents right now?", agent: "router"))
                let runs = try await app.store.listRuns(tenant: "default", limit: 10)
                let child = runs.first { $0.parentRunID == chat.run.id }
                let agents = try await app.store.transcriptAgents(sessionID: chat.session.id, tenant: "default")
                return (chat, child, agents)
            }
            #expect(chat.run.status == .completed)
            #expect(chat.response.contains("Pix transfers delayed"))
            #expect(chat.response.contains("Card machine connectivity issues in the Northeast"))
            #expect(!chat.response.contains("Login failures"), "resolved incidents must not be reported as active")
            let childRun = try #require(child)
            #expect(childRun.agent == "customer_support")
            #expect(childRun.status == .completed)
            #expect(agents == ["customer_support", "router"])
            #expect(chat.run.usage.requests == 4, "the router's usage includes the delegated run's")
            let kinds = events.withLock { $0.map(\.kind) }
            #expect(kinds.contains(.delegationStarted))
            #expect(kinds.contains(.delegationFinished))
        }
    }

    @Test func theExampleProjectValidates() async throws {
        try await ExampleProject.with("support-swarm") { config in
            let project = try await ProjectLoader().load(config)
            #expect(project.catalog.names == ["customer_support", "knowledge_agent", "router"])
            #expect(try project.chatAgent().name == "router")
            for name in ["get_customer_overview", "get_recent_operations", "get_active_incidents", "find", "grep", "read", "write", "edit", "rag_search"] {
                #expect(project.tools.tool(named: name) != nil, "missing tool \(name)")
            }
            // web search is optional for the knowledge agent: the project loads without a provider
            #expect(project.catalog.agent(named: "knowledge_agent")?.tools == ["rag_search", "web_search?"])
            #expect(project.catalog.agent(named: "router")?.tools.contains("knowledge_agent") == true)
        }
    }
}

import AviaryCore
import AviaryHTTP
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import Foundation
import NIOHTTP1
import Testing

@Suite struct ChatRoutesTests {
    @Test func chatAnswersWithSeedShapeAndContinuesTheSession() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool()], model: TestAgents.model()) { fx in
            let key = try await fx.key()
            let first = try await fx.call(.POST, "/chat", key: key, json: ["userId": "alice", "question": "Is c42 ok?"])
            #expect(first.status == 200)
            let session = try #require(first.json?["sessionId"]?.stringValue)
            #expect(first.json?["response"]?.stringValue == "Customer c42 is active. (q: Is c42 ok?; user messages: 1)")
            let meta = try #require(first.json?["metadata"])
            // two model calls: 10+5 for the tool call, 20+7 for the answer
            #expect(meta["input_tokens"]?.intValue == 30)
            #expect(meta["output_tokens"]?.intValue == 12)
            #expect(meta["total_tokens"]?.intValue == 42)
            #expect(meta["cost_usd"]?.numberValue == 0)

            let second = try await fx.call(.POST, "/chat", key: key, json: ["userId": "alice", "question": "And now?", "sessionId": .string(session)])
            #expect(second.json?["sessionId"]?.stringValue == session)
            #expect(second.json?["response"]?.stringValue?.hasSuffix("user messages: 2)") == true, "the second turn sees the first")

            let shown = try await fx.call(.GET, "/sessions/\(session)", key: key)
            #expect(shown.json?["turns"]?.intValue == 2)
            #expect(shown.json?["metadata"]?["total_tokens"]?.intValue == 84)
            let messages = try await fx.call(.GET, "/sessions/\(session)/messages", key: key)
            let list = try #require(messages.json?["messages"]?.arrayValue)
            #expect(list.first?["content"]?.stringValue == "Is c42 ok?")
            #expect(list.contains { $0["tool_calls"] != nil })
        }
    }

    @Test func unknownOrForeignSessionsStartANewSession() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool()], model: TestAgents.model()) { fx in
            let alice = try await fx.key(tenant: "acme", principal: "alice")
            let bob = try await fx.key(tenant: "acme", principal: "bob")
            let mallory = try await fx.key(tenant: "evil", principal: "alice")
            let first = try await fx.call(.POST, "/chat", key: alice, json: ["question": "hi"])
            let session = try #require(first.json?["sessionId"]?.stringValue)
            for (key, name) in [(bob, "same tenant, other principal"), (mallory, "other tenant")] {
                let other = try await fx.call(.POST, "/chat", key: key, json: ["question": "hi", "sessionId": .string(session)])
                #expect(other.status == 200, "\(name)")
                #expect(other.json?["sessionId"]?.stringValue != session, "\(name) must not join the session")
                #expect(other.json?["response"]?.stringValue?.hasSuffix("user messages: 1)") == true, "\(name) sees no history")
            }
            let unknown = try await fx.call(.POST, "/chat", key: alice, json: ["question": "hi", "sessionId": "ses_nope"])
            #expect(unknown.status == 200)
            #expect(unknown.json?["sessionId"]?.stringValue != "ses_nope")
        }
    }

    @Test func badRequestsAreClearFourHundreds() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool()], model: TestAgents.model(),
                                     configure: { $0.maxBodyBytes = 256 }) { fx in
            let key = try await fx.key()
            let cases: [(String?, JSONValue?, Int, String)] = [
                ("{not json", nil, 400, "invalid_json"),
                ("[1,2]", nil, 400, "invalid_json"),
                ("", nil, 400, "invalid_json"),
                (nil, ["userId": "alice"], 400, "missing_field"),
                (nil, ["question": 42], 400, "invalid_field"),
                (nil, ["question": ""], 400, "invalid_field"),
                (nil, ["question": "hi", "sessionId": ["x"]], 400, "invalid_field"),
                (nil, ["question": .string(String(repeating: "x", count: 400))], 413, "body_too_large"),
            ]
            for (raw, json, status, code) in cases {
                let r = try await fx.call(.POST, "/chat", key: key, json: json, raw: raw)
                #expect(r.status == status, "\(raw ?? json?.jsonString ?? "")")
                #expect(r.errorCode == code, "\(raw ?? json?.jsonString ?? ""): \(r.text)")
                #expect(r.json?["error"]?["message"]?.stringValue?.isEmpty == false)
            }
            let missingRoute = try await fx.call(.GET, "/nope", key: key)
            #expect(missingRoute.status == 404)
            #expect(missingRoute.errorCode == "not_found")
        }
    }

    @Test func aUserMayOnlyChatAsItself() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool()], model: TestAgents.model()) { fx in
            let user = try await fx.key(role: .user, principal: "alice")
            let denied = try await fx.call(.POST, "/chat", key: user, json: ["userId": "bob", "question": "hi"])
            #expect(denied.status == 403)
            let service = try await fx.key(role: .service, principal: "web-backend")
            let allowed = try await fx.call(.POST, "/chat", key: service, json: ["userId": "bob", "question": "hi"])
            #expect(allowed.status == 200)
        }
    }

    @Test func aFailingModelIsABadGatewayWithTheRunID() async throws {
        let model = FunctionModel { _ in throw FixtureError(message: "provider exploded") }
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool()], model: model) { fx in
            let key = try await fx.key()
            let r = try await fx.call(.POST, "/chat", key: key, json: ["question": "hi"])
            #expect(r.status == 502)
            #expect(r.errorCode == "run_failed")
            #expect(r.json?["error"]?["message"]?.stringValue?.contains("provider exploded") == true)
        }
    }

    @Test func deletingASessionErasesItsData() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool()], model: TestAgents.model()) { fx in
            let key = try await fx.key()
            let other = try await fx.key(tenant: "other")
            let chat = try await fx.call(.POST, "/chat", key: key, json: ["question": "hi"])
            let session = try #require(chat.json?["sessionId"]?.stringValue)
            let runID = try #require(chat.json?["runId"]?.stringValue)
            let workspace = try #require(fx.runtime.workspace(forSession: session, tenant: "acme"))
            try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
            try "note".write(to: workspace.appendingPathComponent("note.txt"), atomically: true, encoding: .utf8)

            #expect(try await fx.call(.DELETE, "/sessions/\(session)", key: other).status == 404, "another tenant cannot erase it")
            let deleted = try await fx.call(.DELETE, "/sessions/\(session)", key: key)
            #expect(deleted.status == 204)
            #expect(try await fx.call(.GET, "/sessions/\(session)", key: key).status == 404)
            #expect(try await fx.call(.GET, "/sessions/\(session)/messages", key: key).status == 404)
            #expect(try await fx.call(.GET, "/api/v1/runs/\(runID)", key: key).status == 404)
            #expect(try await fx.store.loadEvents(RunID(runID), tenant: "acme").isEmpty)
            #expect(try await fx.store.loadJournal(RunID(runID), tenant: "acme").isEmpty)
            #expect(!FileManager.default.fileExists(atPath: workspace.path))
        }
    }
}

import AviaryCore
import AviaryStorage
import AviaryTesting
import Foundation
import NIOHTTP1
import Testing

/// Tool approvals over HTTP: `/chat` answers 202 as soon as the run waits, the approvers see the
/// pending call, and one decision resumes the run.
@Suite struct ApprovalRoutesTests {
    static func withServer(_ body: @Sendable @escaping (ServerFixture) async throws -> Void) async throws {
        let tool = TestAgents.customerTool(policy: ToolPolicy(risk: .dangerous))
        try await ServerFixture.with(agents: [TestAgents.support], tools: [tool], model: TestAgents.model()) { fx in try await body(fx) }
    }

    @Test func chatWaitsTheOwnerApprovesAndTheRunFinishes() async throws {
        try await Self.withServer { fx in
            let alice = try await fx.key(principal: "alice")
            let bob = try await fx.key(principal: "bob")
            let chat = try await fx.call(.POST, "/chat", key: alice, json: ["question": "who is c42?"])
            #expect(chat.status == 202)
            #expect(chat.json?["status"]?.stringValue == "waiting")
            let run = try #require(chat.json?["runId"]?.stringValue)
            #expect(chat.json?["approvals"]?[0]?["tool"]?.stringValue == "get_customer")
            #expect(chat.json?["approvals"]?[0]?["arguments"] == ["customer_id": "c42"])
            #expect(chat.json?["response"]?.stringValue?.hasPrefix("Waiting for approval: call 'get_customer'") == true)

            let mine = try await fx.call(.GET, "/api/v1/approvals", key: alice)
            #expect(mine.status == 200)
            #expect(mine.json?["approvals"]?.arrayValue?.map { $0["run_id"]?.stringValue } == [run])
            #expect(try await fx.call(.GET, "/api/v1/approvals", key: bob).json?["approvals"]?.arrayValue?.isEmpty == true,
                    "bob is neither the owner nor an admin")
            let refused = try await fx.call(.POST, "/api/v1/runs/\(run)/approve", key: bob)
            #expect(refused.status == 403)
            #expect(refused.errorCode == "forbidden")
            #expect(try await fx.call(.GET, "/api/v1/runs/\(run)", key: alice).json?["status"]?.stringValue == "waiting", "unharmed")

            let approved = try await fx.call(.POST, "/api/v1/runs/\(run)/approve", key: alice, json: ["reason": "known customer", "wait": true])
            #expect(approved.status == 200)
            #expect(approved.json?["decision"]?.stringValue == "approved")
            #expect(approved.json?["by"]?.stringValue == "key:alice")
            #expect(approved.json?["status"]?.stringValue == "completed")
            #expect(approved.json?["output"]?.stringValue?.isEmpty == false)

            let again = try await fx.call(.POST, "/api/v1/runs/\(run)/reject", key: alice)
            #expect(again.status == 409)
            #expect(again.errorCode == "conflict")
            let events = try await fx.stream(.GET, "/api/v1/runs/\(run)/events?follow=false", key: alice)
            let kinds = try await events.lines.frames().compactMap(\.event)
            #expect(kinds.contains("approval.requested") && kinds.contains("run.waiting") && kinds.contains("approval.granted"))
            #expect(kinds.last == "run.finished")
        }
    }

    @Test func anAdminRejectsAndTheModelIsToldWhy() async throws {
        try await Self.withServer { fx in
            let alice = try await fx.key(principal: "alice")
            let admin = try await fx.key(role: .admin, principal: "ops")
            let chat = try await fx.call(.POST, "/chat", key: alice, json: ["question": "who is c42?"])
            let run = try #require(chat.json?["runId"]?.stringValue)
            #expect(try await fx.call(.GET, "/api/v1/approvals?tool=get_customer", key: admin).json?["approvals"]?.arrayValue?.count == 1)
            #expect(try await fx.call(.GET, "/api/v1/approvals?tool=other", key: admin).json?["approvals"]?.arrayValue?.isEmpty == true)
            let rejected = try await fx.call(.POST, "/api/v1/runs/\(run)/reject", key: admin, json: ["reason": "no lookups today", "wait": true])
            #expect(rejected.status == 200)
            #expect(rejected.json?["decision"]?.stringValue == "rejected")
            #expect(rejected.json?["status"]?.stringValue == "completed", "the agent goes on and answers")
            let events = try await fx.stream(.GET, "/api/v1/runs/\(run)/events?follow=false", key: admin)
            let frames = try await events.lines.frames()
            let denied = try #require(frames.first { $0.event == "approval.denied" }?.json)
            #expect(denied["data"]?["by"]?.stringValue == "key:ops")
            #expect(denied["data"]?["reason"]?.stringValue == "no lookups today")
            #expect(!frames.contains { $0.event == "tool.started" }, "the tool was not called")
        }
    }

    @Test func badDecisionsAreClearErrors() async throws {
        try await Self.withServer { fx in
            let alice = try await fx.key(principal: "alice")
            #expect(try await fx.call(.POST, "/api/v1/runs/run_nope/approve", key: alice).status == 404)
            let chat = try await fx.call(.POST, "/chat", key: alice, json: ["question": "who is c42?"])
            let run = try #require(chat.json?["runId"]?.stringValue)
            #expect(try await fx.call(.POST, "/api/v1/runs/\(run)/approve", key: alice, json: ["reason": 5]).status == 400)
            #expect(try await fx.call(.POST, "/api/v1/runs/\(run)/approve", key: alice, json: ["because": "x"]).status == 400)
            let stranger = try await fx.key(tenant: "evil", role: .admin, principal: "root")
            #expect(try await fx.call(.POST, "/api/v1/runs/\(run)/approve", key: stranger).status == 404)
            #expect(try await fx.call(.GET, "/api/v1/approvals", key: stranger).json?["approvals"]?.arrayValue?.isEmpty == true)
        }
    }

    @Test func theOpenAIFacadeSaysWhatAwaitsApproval() async throws {
        try await Self.withServer { fx in
            let alice = try await fx.key(principal: "alice")
            let completion = try await fx.call(.POST, "/v1/chat/completions", key: alice,
                                               json: ["model": "support", "messages": [["role": "user", "content": "who is c42?"]]])
            #expect(completion.status == 200)
            let run = try #require(completion.headers["X-Aviary-Run-ID"].first)
            let text = completion.json?["choices"]?[0]?["message"]?["content"]?.stringValue ?? ""
            #expect(text.hasPrefix("Waiting for approval: call 'get_customer'"), "\(text)")
            #expect(text.contains("/api/v1/runs/\(run)/approve"))
            #expect(try await fx.call(.GET, "/api/v1/runs/\(run)", key: alice).json?["status"]?.stringValue == "waiting")
        }
    }

    @Test func theStreamingFacadeEndsAWaitingRunWithAnAnswerNotAnError() async throws {
        try await Self.withServer { fx in
            let alice = try await fx.key(principal: "alice")
            let (status, lines) = try await fx.stream(.POST, "/v1/chat/completions", key: alice, json: [
                "model": "support", "stream": true, "messages": [["role": "user", "content": "who is c42?"]],
            ])
            #expect(status == 200)
            var datas: [String] = []
            while let line = try await lines.nextLine() {
                if line.hasPrefix("data: ") { datas.append(String(line.dropFirst(6))) }
            }
            #expect(datas.last == "[DONE]")
            let chunks = datas.dropLast().compactMap { try? JSONValue(parsing: $0) }
            #expect(!chunks.contains { $0["error"] != nil }, "a waiting run is not an error: \(datas)")
            let text = chunks.compactMap { $0["choices"]?[0]?["delta"]?["content"]?.stringValue }.joined()
            #expect(text.hasPrefix("Waiting for approval: call 'get_customer'"), "\(text)")
            #expect(chunks.last?["choices"]?[0]?["finish_reason"]?.stringValue == "stop")
            let runs = try await fx.store.listRuns(RunQuery(tenant: "acme"))
            let run = try #require(runs.first?.id.rawValue)
            #expect(runs.count == 1 && runs.first?.status == .waiting)
            #expect(text.contains("/api/v1/runs/\(run)/approve"))
        }
    }
}

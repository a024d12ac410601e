import AviaryCore
import AviaryRuntime
import AviaryTesting
import Foundation
import NIOHTTP1
import Testing

/// A program's input request over HTTP: listed with its kind and answer schema, answered with
/// `answer` (checked against the schema: 422 and the run unharmed), read by the program.
@Suite struct InputAnswerRoutesTests {
    /// Asks which plan to pick and answers with it.
    struct PlanProgram: RunProgram {
        var name: String { "plan" }
        func run(in context: RunContext) async throws -> RunResult {
            let answer = try await context.interrupt("choose", ApprovalRequest(
                kind: .input, summary: "Which plan?",
                answerSchema: ["type": "object", "required": ["plan"], "properties": ["plan": ["enum": ["basic", "pro"]]]],
                approvers: [.owner]))
            return RunResult(output: ["plan": answer.value?["plan"] ?? .null, "by": .string(answer.by)])
        }
    }

    @Test func anInputIsListedAnsweredWithAValueThatMatchesItsSchemaAndReadByTheProgram() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], model: TestAgents.model(), programs: [PlanProgram()]) { fx in
            let alice = try await fx.key(principal: "alice")
            let started = try await fx.runtime.run(RunRequest(agent: "plan", input: [:], tenant: "acme", principal: "key:alice"))
            #expect(started.status == .waiting)
            let run = started.id.rawValue

            let listed = try await fx.call(.GET, "/api/v1/approvals", key: alice)
            let approval = try #require(listed.json?["approvals"]?[0], "\(listed.status) \(listed.json ?? .null)")
            #expect(approval["kind"]?.stringValue == "input")
            #expect(approval["summary"]?.stringValue == "Which plan?")
            #expect(approval["answer_schema"]?["required"] == ["plan"])
            #expect(approval["tool"]?.stringValue == "")

            for bad in [["wait": true], ["answer": ["plan": "gold"]], ["answer": "pro"]] as [JSONValue] {
                let refused = try await fx.call(.POST, "/api/v1/runs/\(run)/approve", key: alice, json: bad)
                #expect(refused.status == 422, "\(bad)")
                #expect(refused.errorCode == "invalid_answer")
            }
            let rejectWithValue = try await fx.call(.POST, "/api/v1/runs/\(run)/reject", key: alice, json: ["answer": ["plan": "pro"]])
            #expect(rejectWithValue.status == 422)
            #expect(try await fx.call(.GET, "/api/v1/runs/\(run)", key: alice).json?["status"]?.stringValue == "waiting", "unharmed")

            let answered = try await fx.call(.POST, "/api/v1/runs/\(run)/approve", key: alice, json: ["answer": ["plan": "pro"], "wait": true])
            #expect(answered.status == 200)
            #expect(answered.json?["answer"] == ["plan": "pro"])
            #expect(answered.json?["status"]?.stringValue == "completed")
            #expect(answered.json?["output"] == ["plan": "pro", "by": "key:alice"])
            let events = try await fx.stream(.GET, "/api/v1/runs/\(run)/events?follow=false", key: alice)
            let frames = try await events.lines.frames()
            let requested = try #require(frames.first { $0.event == "approval.requested" }?.json)
            #expect(requested["data"]?["request"]?["kind"]?.stringValue == "input")
            let granted = try #require(frames.first { $0.event == "approval.granted" }?.json)
            #expect(granted["data"]?["answer"] == ["plan": "pro"])
            #expect(granted["data"]?["tool"] == nil, "not a tool call's request")
        }
    }

    @Test func anApprovalTakesNoAnswerValue() async throws {
        let tool = TestAgents.customerTool(policy: ToolPolicy(risk: .dangerous))
        try await ServerFixture.with(agents: [TestAgents.support], tools: [tool], model: TestAgents.model()) { fx in
            let alice = try await fx.key(principal: "alice")
            let chat = try await fx.call(.POST, "/chat", key: alice, json: ["question": "who is c42?"])
            let run = try #require(chat.json?["runId"]?.stringValue)
            #expect(try await fx.call(.GET, "/api/v1/approvals", key: alice).json?["approvals"]?[0]?["kind"]?.stringValue == "approval")
            let refused = try await fx.call(.POST, "/api/v1/runs/\(run)/approve", key: alice, json: ["answer": true])
            #expect(refused.status == 422)
            #expect(refused.json?["error"]?["message"]?.stringValue?.contains("takes no answer value") == true)
        }
    }
}

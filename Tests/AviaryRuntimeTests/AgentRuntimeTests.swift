import AviaryCore
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import Foundation
import Synchronization
import Testing

@Suite struct AgentRuntimeTests {
    @Test func toolLoopRunsToolsAndAnswers() async throws {
        try await RuntimeFixture.with { fx in
            let (customer, incidents) = ToolLoop.tools()
            let events = Mutex<[RunEvent]>([])
            let runtime = fx.runtime(agents: [ToolLoop.agent], tools: [customer, incidents], model: ToolLoop.model(),
                                     sink: ClosureEventSink { e in events.withLock { $0.append(e) } })
            let run = try await runtime.run(.question("What is the status of customer c42?", agent: "support"))
            #expect(run.status == .completed)
            #expect(run.output == "Customer c42 is active; 1 incident open.")
            #expect(customer.callCount == 1)
            #expect(customer.receivedArguments.first?["customer_id"] == "c42")
            #expect(incidents.callCount == 1)
            #expect(run.usage.requests == 3)
            let kinds = events.withLock { $0.map(\.kind) }
            #expect(kinds.first == .runStarted)
            #expect(kinds.last == .runFinished)
            #expect(kinds.filter { $0 == .toolStarted }.count == 2)
            #expect(kinds.filter { $0 == .toolFinished }.count == 2)
            let stored = try await fx.storage.store.loadEvents(run.id, tenant: "default")
            #expect(stored.map(\.sequence) == Array(1...stored.count))
            #expect(stored.map(\.kind) == kinds)
            let started = stored.first { $0.kind == .toolStarted }
            #expect(started?.data["arguments"]?["customer_id"] == "c42")
        }
    }

    @Test func invalidArgumentsGoBackToTheModelAsToolErrors() async throws {
        try await RuntimeFixture.with { fx in
            let (customer, incidents) = ToolLoop.tools()
            let model = ScriptedModel([.toolCall("get_customer", ["wrong": 1]), .text("sorry")], onMisuse: { Issue.record($0) })
            let runtime = fx.runtime(agents: [ToolLoop.agent], tools: [customer, incidents], model: model)
            let run = try await runtime.run(.question("hi", agent: "support"))
            #expect(run.status == .completed)
            #expect(customer.callCount == 0)
            let toolMessage = model.requests[1].messages.last
            #expect(toolMessage?.role == .tool)
            #expect(toolMessage?.toolResults.first?.isError == true)
            #expect(toolMessage?.toolResults.first?.content.contains("customer_id") == true)
            try model.verifyConsumed()
        }
    }

    @Test func unknownToolAndUnparsableArgumentsAreToolErrors() async throws {
        try await RuntimeFixture.with { fx in
            let (customer, incidents) = ToolLoop.tools()
            let bad = ModelResponse(message: Message(role: .assistant, parts: [
                .toolCall(ToolCall(id: "a", name: "no_such_tool", arguments: [:])),
                .toolCall(ToolCall(id: "b", name: "get_customer", argumentsText: "{not json")),
            ]), finishReason: .toolCalls)
            let model = ScriptedModel([.response(bad), .text("done")], onMisuse: { Issue.record($0) })
            let runtime = fx.runtime(agents: [ToolLoop.agent], tools: [customer, incidents], model: model)
            let run = try await runtime.run(.question("hi", agent: "support"))
            #expect(run.status == .completed)
            let results = model.requests[1].messages.last?.toolResults ?? []
            #expect(results.count == 2)
            #expect(results[0].content.contains("unknown tool 'no_such_tool'"))
            #expect(results[1].content.contains("not valid JSON"))
            #expect(results.allSatisfy { $0.isError })
            // Only the call of a tool the agent does not have is marked: its name is the model's.
            let failed = try await fx.storage.store.loadEvents(run.id, tenant: "default").filter { $0.kind == .toolFailed }
            let marks = Dictionary(uniqueKeysWithValues: failed.map { ($0.data["call_id"]?.stringValue ?? "", $0.data["unknown_tool"]?.boolValue) })
            #expect(marks == ["a": true, "b": nil])
            try model.verifyConsumed()
        }
    }

    /// Two calls in one response run at the same time: each tool waits (up to a deadline) until
    /// both have started, so calls run one after the other would both report `alone`.
    @Test func theCallsOfOneResponseRunInParallel() async throws {
        try await RuntimeFixture.with { fx in
            let started = Atomic<Int>(0)
            let rendezvous = { @Sendable (_: JSONValue, _: ToolContext) async throws -> ToolOutput in
                started.add(1, ordering: .relaxed)
                let deadline = ContinuousClock.now + .seconds(20)
                while started.load(ordering: .relaxed) < 2, ContinuousClock.now < deadline { await Task.yield() }
                return ToolOutput(.string(started.load(ordering: .relaxed) < 2 ? "alone" : "together"))
            }
            let a = ClosureTool("tool_a", rendezvous), b = ClosureTool("tool_b", rendezvous)
            let both = ModelResponse(message: Message(role: .assistant, parts: [
                .toolCall(ToolCall(id: "a", name: "tool_a", arguments: [:])),
                .toolCall(ToolCall(id: "b", name: "tool_b", arguments: [:])),
            ]), finishReason: .toolCalls)
            let model = ScriptedModel([.response(both), .text("done")], onMisuse: { Issue.record($0) })
            let agent = AgentDefinition(name: "pair", instructions: "Use both tools.", tools: ["tool_a", "tool_b"])
            let run = try await fx.runtime(agents: [agent], tools: [a, b], model: model).run(.question("hi", agent: "pair"))
            #expect(run.status == .completed)
            let results = model.requests[1].messages.last?.toolResults ?? []
            #expect(results.map(\.callID) == ["a", "b"])
            #expect(results.map(\.content) == ["together", "together"])
            try model.verifyConsumed()
        }
    }

    @Test func aModelThatNeverStopsHitsMaxIterations() async throws {
        try await RuntimeFixture.with { fx in
            let counter = Mutex(0)
            let model = FunctionModel { _ in
                let n = counter.withLock { $0 += 1; return $0 }
                return .toolCall("get_customer", ["customer_id": .string("c\(n)")], id: "c\(n)")
            }
            let (customer, incidents) = ToolLoop.tools()
            var agent = ToolLoop.agent
            agent.maxIterations = 4
            let run = try await fx.runtime(agents: [agent], tools: [customer, incidents], model: model).run(.question("hi", agent: "support"))
            #expect(run.status == .failed)
            #expect(run.error?.contains("max_iterations (4)") == true)
            #expect(customer.callCount == 4)
        }
    }

    @Test func repeatingTheSameCallIsDetectedAsALoop() async throws {
        try await RuntimeFixture.with { fx in
            let model = FunctionModel { _ in .toolCall("get_customer", ["customer_id": "c42"], id: "x") }
            let (customer, incidents) = ToolLoop.tools()
            let run = try await fx.runtime(agents: [ToolLoop.agent], tools: [customer, incidents], model: model).run(.question("hi", agent: "support"))
            #expect(run.status == .failed)
            #expect(run.error?.contains("looping") == true)
            #expect(customer.callCount == 1)
        }
    }

    @Test func aHangingIdempotentToolTimesOutAsAToolError() async throws {
        try await RuntimeFixture.with { fx in
            let hang = ClosureTool("hang", policy: ToolPolicy(timeout: 0.2, idempotent: true)) { _, _ in
                try await Task.sleep(for: .seconds(3600)) // sleep-ok: the tool under test hangs on purpose
                return .text("never")
            }
            let agent = AgentDefinition(name: "a", instructions: "x", tools: ["hang"])
            let model = ScriptedModel([.toolCall("hang"), .text("gave up")], onMisuse: { Issue.record($0) })
            let run = try await fx.runtime(agents: [agent], tools: [hang], model: model).run(.question("hi", agent: "a"))
            #expect(run.status == .completed)
            #expect(model.requests[1].messages.last?.toolResults.first?.content.contains("timed out") == true)
            try model.verifyConsumed()
        }
    }

    @Test func aFailingProviderFailsTheRunWithARecordedStep() async throws {
        try await RuntimeFixture.with { fx in
            struct Boom: Error {}
            let model = ScriptedModel([.failure(Boom())], onMisuse: { Issue.record($0) })
            let (c, i) = ToolLoop.tools()
            let run = try await fx.runtime(agents: [ToolLoop.agent], tools: [c, i], model: model).run(.question("hi", agent: "support"))
            #expect(run.status == .failed)
            let journal = try await fx.storage.store.loadJournal(run.id, tenant: "default")
            #expect(journal.first { $0.key == "turn/1/model" }?.state == .failed)
            let stored = try await fx.storage.store.loadRun(run.id, tenant: "default")
            #expect(stored?.status == .failed)
        }
    }
}

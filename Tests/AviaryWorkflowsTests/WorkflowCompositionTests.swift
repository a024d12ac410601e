import AviaryCore
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import AviaryWorkflows
import Foundation
import Synchronization
import Testing

/// Workflows composed with agents and each other: an agent calls a workflow as a tool, a workflow
/// node runs a sub-workflow, an agent node overrides its model and tools; and node guards and timeouts.
@Suite struct WorkflowCompositionTests {
    static let quote = """
        name: quote
        description: Quotes a price for a number of seats.
        input_schema: {type: object, required: [seats], properties: {seats: {type: integer}}}
        workflow:
          nodes:
            - {id: price, type: transform, expression: "{total: multiply(input.seats, `12`)}"}
          edges:
            - {from: price, to: FINISH}
        """

    @Test func anAgentCallsAWorkflowAsAToolAndGetsItsResult() async throws {
        try await WorkflowFixture.with { fx in
            let quote = try WorkflowFixture.definition(Self.quote.replacingOccurrences(of: "multiply(input.seats, `12`)", with: "sum([input.seats, `12`])"))
            let seller = AgentDefinition(name: "seller", instructions: "Sell seats.", tools: ["quote"])
            let model = FunctionModel { request in
                if let tool = request.messages.last(where: { $0.role == .tool }) {
                    let results = tool.parts.compactMap { if case .toolResult(let r) = $0 { r.content } else { nil } }
                    return .text("The quote is \(results.joined())")
                }
                #expect(request.tools.map(\.name) == ["quote"])
                #expect(request.tools.first?.parameters["required"] == ["seats"], "the workflow's input schema is the tool's")
                return .toolCall("quote", ["seats": 3], id: "call_q")
            }
            let runtime = try fx.runtime([quote], agents: [seller], model: model)
            let run = try await runtime.run(RunRequest(agent: "seller", input: ["question": "3 seats?"], tenant: "default", principal: "ana"))
            #expect(run.status == .completed, "\(run.error ?? "")")
            #expect(run.output == "The quote is {\"total\":15}")
            let child = try #require(try await fx.storage.store.loadRun(run.id.child("turn/1/tool/call_q"), tenant: "default"))
            #expect(child.agent == "quote" && child.parentRunID == run.id, "the workflow ran as the agent run's child")
        }
    }

    @Test func aWorkflowNodeRunsASubWorkflowAndAnAgentNodeOverridesItsModel() async throws {
        try await WorkflowFixture.with { fx in
            let quote = try WorkflowFixture.definition(Self.quote.replacingOccurrences(of: "multiply(input.seats, `12`)", with: "sum([input.seats, `12`])"))
            let outer = try WorkflowFixture.definition("""
                name: order
                workflow:
                  nodes:
                    - {id: priced, type: workflow, workflow: quote, input: {seats: "{{ input.n }}"}}
                    - id: pitch
                      agent: seller
                      model_profile: fancy
                      tools: []
                      input: {question: "Pitch {{ nodes.priced.output.total }}"}
                  edges:
                    - {from: priced, to: pitch}
                    - {from: pitch, to: FINISH}
                """, agents: ["seller"], workflows: ["quote"])
            let seen = Mutex<[String]>([])
            let model = FunctionModel { request in
                seen.withLock { $0.append(request.messages.last?.text ?? "") }
                #expect(request.tools.isEmpty, "the node gave the agent no tools")
                return .text("Only 17!")
            }
            let provider = RecordingProvider(model: model)
            let runtime = try fx.runtime([quote, outer], agents: [AgentDefinition(name: "seller", instructions: "Sell.", tools: ["quote"])],
                                         models: provider)
            let run = try await runtime.run(WorkflowFixture.request("order", ["n": 5]))
            #expect(run.status == .completed, "\(run.error ?? "")")
            #expect(run.output?["outputs"]?["priced"] == ["total": 17])
            #expect(seen.withLock { $0 } == ["Pitch 17"])
            #expect(provider.references == ["fancy"], "the node's model_profile chose the model")
        }
    }

    @Test func aGuardSkipsItsNodeAndATimeoutFailsAnAttempt() async throws {
        try await WorkflowFixture.with { fx in
            let slow = ClosureTool("slow", policy: .readOnly) { _, _ in
                try await Task.sleep(for: .seconds(30)) // sleep-ok: the node's timeout cancels it
                return ToolOutput("late")
            }
            let yaml = """
                name: guarded
                workflow:
                  nodes:
                    - {id: start, type: transform, expression: "input.fast"}
                    - {id: skipped, type: transform, expression: "'never'", when: "input.fast == `false`"}
                    - {id: wait, tool: slow, timeout: 50ms, on_error: fallback}
                    - {id: fallback, type: transform, expression: "nodes.wait.output.error"}
                  edges:
                    - {from: start, to: skipped}
                    - {from: start, to: wait}
                    - {from: skipped, to: FINISH}
                    - {from: wait, to: FINISH}
                    - {from: fallback, to: FINISH}
                """
            let runtime = try fx.runtime([try WorkflowFixture.definition(yaml, tools: ["slow"])], tools: [slow])
            let run = try await runtime.run(WorkflowFixture.request("guarded", ["fast": true]))
            #expect(run.status == .completed, "\(run.error ?? "")")
            #expect(run.output?["result"] == "timed out after 0.05s")
            #expect(fx.nodeEvents(run.id).contains("node.skipped skipped"))
        }
    }
}

/// A model provider that records which references it was asked to resolve.
final class RecordingProvider: ModelProvider, Sendable {
    let model: any LanguageModel
    private let asked = Mutex<[String]>([])

    init(model: any LanguageModel) { self.model = model }

    var references: [String] { asked.withLock { $0 } }

    func resolve(_ reference: String?) throws -> ResolvedModel {
        asked.withLock { $0.append(reference ?? "default") }
        return ResolvedModel(model: model, modelID: reference ?? "default")
    }
}

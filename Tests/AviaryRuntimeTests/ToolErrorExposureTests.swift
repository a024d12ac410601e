import AviaryCore
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import AviaryTestSupport
import Foundation
import Synchronization
import Testing

/// What a tool's unexpected error says (host names, credentials, upstream bodies) goes to the
/// log under an error id; the model, the run's events and the transcript see only the id.
/// A `ToolError` is the tool's message for the model and passes unchanged.
@Suite struct ToolErrorExposureTests {
    struct ConnectionFailed: Error, CustomStringConvertible {
        var description: String { "could not connect to db.internal.example:5432 as admin password=hunter2" }
    }

    @Test func anUnexpectedErrorIsLoggedNotShown() async throws {
        try await RuntimeFixture.with { fx in
            let leaky = ClosureTool("lookup") { _, _ in throw ConnectionFailed() }
            let plain = ClosureTool("check") { _, _ in throw ToolError.notFound("no customer c42") }
            let agent = AgentDefinition(name: "a", instructions: "Look up.", tools: ["lookup", "check"])
            let seen = RecordedResults()
            let model = FunctionModel { request in
                let results = request.messages.filter { $0.role == .tool }.flatMap(\.toolResults)
                if results.isEmpty {
                    return ModelResponse(message: Message(role: .assistant, parts: [
                        .toolCall(ToolCall(id: "c1", name: "lookup", arguments: [:])), .toolCall(ToolCall(id: "c2", name: "check", arguments: [:])),
                    ]), finishReason: .toolCalls, usage: Usage(inputTokens: 1, outputTokens: 1, requests: 1))
                }
                seen.set(results.map(\.content))
                return .text("done")
            }
            let records = RecordingLogHandler.Records()
            let runtime = fx.runtime(agents: [agent], tools: [leaky, plain], model: model, logger: RecordingLogHandler.logger(records))
            let run = try await runtime.run(RunRequest(agent: "a", input: ["question": "x"], runID: "run_leak"))
            #expect(run.status == .completed)

            let shown = seen.value.joined(separator: "\n")
            #expect(!shown.contains("hunter2") && !shown.contains("db.internal"), "\(shown)")
            #expect(shown.contains("error id terr_"))
            #expect(shown.contains("no customer c42"), "a ToolError is for the model")
            let events = try await fx.storage.store.loadEvents(RunID("run_leak"), tenant: "default")
            let stored = events.map(\.data.jsonString).joined()
            #expect(!stored.contains("hunter2") && !stored.contains("db.internal"))

            let logged = try #require(records.all.first { $0.message == "tool call failed" })
            #expect(logged.metadata["error"]?.contains("db.internal.example") == true)
            let id = try #require(logged.metadata["error_id"])
            #expect(shown.contains(id), "the id the model saw finds the log line")
        }
    }
}

/// The tool results the model saw last.
final class RecordedResults: Sendable {
    private let results = Mutex<[String]>([])
    func set(_ value: [String]) { results.withLock { $0 = value } }
    var value: [String] { results.withLock { $0 } }
}

import AviaryCore
import AviaryObservability
import AviaryOTel
import AviaryTestSupport
import Foundation
import Logging
import ServiceLifecycle
import Testing
import Tracing

@Suite struct OTLPTracingBackendTests {
    private let quiet = Logger(label: "otel-test") { _ in SwiftLogNoOpLogHandler() }

    /// A run with one model call and one tool call, starting now.
    private func run(_ id: RunID, agent: String = "support") -> [RunEvent] {
        let t0 = Date()
        func event(_ n: Int, _ kind: RunEvent.Kind, _ data: JSONValue) -> RunEvent {
            RunEvent(runID: id, sequence: n, timestamp: t0.addingTimeInterval(Double(n) / 10), tenant: "acme", kind: kind, data: data)
        }
        return [
            event(1, .runStarted, ["agent": .string(agent), "input": ["question": "hello"]]),
            event(2, .modelRequest, ["step": "turn/1/model", "model": "openai/gpt-test"]),
            event(3, .modelResponse, ["step": "turn/1/model", "model": "openai/gpt-test", "finish_reason": "tool_calls", "cost_usd": 0.25,
                                      "usage": ["input_tokens": 12, "output_tokens": 3]]),
            event(4, .toolStarted, ["call_id": "c1", "name": "lookup", "arguments": ["q": "x"], "step": "turn/1/tool/c1"]),
            event(5, .toolFailed, ["call_id": "c1", "name": "lookup", "error": "timed out", "duration_ms": 100]),
            event(6, .runFinished, ["output": "bye", "usage": ["input_tokens": 12, "output_tokens": 3]]),
        ]
    }

    /// Runs the backend's service in a ServiceGroup around `body`, then shuts it down gracefully.
    private func withRunning(_ backend: OTLPTracingBackend, _ body: () async throws -> Void) async throws {
        let group = ServiceGroup(configuration: .init(services: [backend.service], logger: quiet))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await body()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test func withoutAnEndpointTheTracerIsANoOpAndTheServiceEndsOnShutdown() async throws {
        let backend = try OTLPTracingBackend.make(environment: [:], logger: quiet)
        #expect(!backend.isExporting)
        #expect(backend.tracer is NoOpTracer)
        try await withRunning(backend) {
            let sink = TracingEventSink(tracer: backend.tracer)
            for event in run("run_noop") { await sink.receive(event) }
            #expect(sink.openRuns == 0)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func spansArriveAtACollectorAsOTLPProtobufWhenShutdownFlushes() async throws {
        try await withFakeOTLPCollector { collector in
            var configuration = OTLPTracingConfiguration.exporting(to: collector.endpoint, serviceName: "aviary-test")
            configuration.exportDelay = .seconds(600) // nothing is exported before the shutdown
            let backend = try OTLPTracingBackend.make(configuration, logger: quiet)
            #expect(backend.isExporting)
            let sink = TracingEventSink(tracer: backend.tracer)
            try await withRunning(backend) {
                for event in run("run_one") { await sink.receive(event) }
                for event in run("run_two", agent: "billing") { await sink.receive(event) }
            }
            // the graceful shutdown flushed every span before the service returned
            let spans = collector.spans
            #expect(spans.count == 6)
            #expect(collector.failures.isEmpty)
            let export = try #require(collector.exports.first)
            #expect(export.path == "/v1/traces")
            #expect(export.contentType == "application/x-protobuf")

            let runSpan = try #require(spans.first { $0.name == "invoke_agent support" })
            let model = try #require(spans.first { $0.name == "chat openai/gpt-test" && $0.traceID == runSpan.traceID })
            let tool = try #require(spans.first { $0.name == "execute_tool lookup" && $0.traceID == runSpan.traceID })
            #expect(runSpan.traceID.count == 32 && runSpan.spanID.count == 16 && runSpan.parentSpanID.isEmpty)
            #expect(model.parentSpanID == runSpan.spanID)
            #expect(tool.parentSpanID == runSpan.spanID)
            #expect(runSpan.serviceName == "aviary-test")
            #expect(runSpan.attributes["gen_ai.agent.name"] == "support")
            #expect(runSpan.attributes["aviary.run.id"] == "run_one")
            #expect(runSpan.endTimeUnixNano - runSpan.startTimeUnixNano == 500_000_000)
            #expect(model.kind == 3) // client
            #expect(model.attributes["gen_ai.request.model"] == "openai/gpt-test")
            #expect(model.attributes["gen_ai.usage.input_tokens"] == 12)
            #expect(model.attributes["aviary.cost_usd"] == 0.25)
            #expect(model.attributes["gen_ai.response.finish_reasons"] == ["tool_calls"])
            #expect(tool.statusCode == 2)
            #expect(tool.statusMessage == "timed out")
            #expect(spans.contains { $0.name == "invoke_agent billing" })
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func httpJSONEncoding() async throws {
        try await withFakeOTLPCollector { collector in
            let configuration = OTLPTracingConfiguration.exporting(to: collector.endpoint, wireProtocol: .httpJSON)
            let backend = try OTLPTracingBackend.make(configuration, logger: quiet)
            let sink = TracingEventSink(tracer: backend.tracer)
            try await withRunning(backend) {
                for event in run("run_json") { await sink.receive(event) }
            }
            let export = try #require(collector.exports.first)
            #expect(export.contentType == "application/json")
            let body = try JSONValue(parsing: export.body)
            let span = body["resourceSpans"]?.arrayValue?.first?["scopeSpans"]?.arrayValue?.first?["spans"]?.arrayValue?.first
            #expect(span?["name"]?.stringValue != nil)
            #expect(span?["startTimeUnixNano"]?.stringValue != nil)
            let spans = collector.spans
            #expect(spans.count == 3)
            let runSpan = try #require(spans.first { $0.name == "invoke_agent support" })
            #expect(spans.filter { $0.parentSpanID == runSpan.spanID }.count == 2)
            #expect(runSpan.serviceName == "aviary")
        }
    }
}

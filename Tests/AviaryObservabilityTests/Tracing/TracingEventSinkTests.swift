import AviaryCore
import AviaryObservability
import Testing
import Tracing

@Suite struct TracingEventSinkTests {
    @Test func aRunGetsARunSpanWithModelAndToolChildren() async throws {
        let tracer = RecordingTracer()
        let sink = TracingEventSink(tracer: tracer)
        for event in reactRun("run_a") { await sink.receive(event) }

        let run = try #require(tracer.span(named: "invoke_agent support"))
        #expect(run.parentID == nil)
        #expect(run.string(SpanAttributeName.operation) == "invoke_agent")
        #expect(run.string(SpanAttributeName.agentName) == "support")
        #expect(run.string(SpanAttributeName.runID) == "run_a")
        #expect(run.string(SpanAttributeName.tenant) == "acme")
        #expect(run.string(SpanAttributeName.runStatus) == "completed")
        #expect(run.int(SpanAttributeName.inputTokens) == 250)
        #expect(run.status == nil)
        #expect((run.endNanos ?? 0) - run.startNanos == 6_250_000_000)

        let models = tracer.started.filter { $0.operationName == "chat openai/gpt-test" }
        #expect(models.count == 2)
        #expect(models.allSatisfy { $0.parentID == run.id && $0.kind == .client })
        let first = models[0]
        #expect(first.string(SpanAttributeName.requestModel) == "openai/gpt-test")
        #expect(first.string(SpanAttributeName.responseModel) == "openai/gpt-test")
        #expect(first.int(SpanAttributeName.inputTokens) == 100)
        #expect(first.int(SpanAttributeName.outputTokens) == 20)
        #expect(first.double(SpanAttributeName.costUSD) == 0.002)
        #expect(first.attributes.get(SpanAttributeName.finishReasons) == .stringArray(["tool_calls"]))
        #expect(first.string(SpanAttributeName.step) == "turn/1/model")
        #expect((first.endNanos ?? 0) - first.startNanos == 1_500_000_000)

        let tool = try #require(tracer.span(named: "execute_tool lookup"))
        #expect(tool.parentID == run.id)
        #expect(tool.string(SpanAttributeName.toolName) == "lookup")
        #expect(tool.string(SpanAttributeName.toolCallID) == "call_1")
        #expect(tool.double(SpanAttributeName.durationMS) == 250)
        #expect(tool.attributes.get(SpanAttributeName.toolCallArguments) == nil)

        #expect(tracer.open.isEmpty)
        #expect(tracer.started.allSatisfy { $0.endCount == 1 })
        #expect(sink.openRuns == 0)
    }

    @Test func failedCallsAndRunsGetErrorStatusWithCredentialsMasked() async throws {
        let tracer = RecordingTracer()
        let sink = TracingEventSink(tracer: tracer)
        var events = Array(reactRun("run_f", toolFails: true).dropLast(2)) // turn/2 model call still open
        var e = RunEvents("run_f")
        events.append(RunEvent(runID: "run_f", sequence: 98, timestamp: e.next(.checkpoint).timestamp, tenant: "acme",
                               kind: .modelFailed, data: ["step": "turn/2/model", "model": "openai/gpt-test", "error": "HTTP 401 for key sk-0123456789abcdefghij"]))
        events.append(RunEvent(runID: "run_f", sequence: 99, tenant: "acme", kind: .runFailed, data: ["error": "model failed"]))
        for event in events { await sink.receive(event) }

        let tool = try #require(tracer.span(named: "execute_tool lookup"))
        #expect(tool.status?.code == .error)
        #expect(tool.status?.message == "failed: upstream said Bearer [REDACTED]")
        #expect(tool.string(SpanAttributeName.errorType) == "tool_error")
        let model = try #require(tracer.started.last { $0.operationName.hasPrefix("chat") })
        #expect(model.status?.code == .error)
        #expect(model.status?.message == "HTTP 401 for key [REDACTED]")
        let run = try #require(tracer.span(named: "invoke_agent support"))
        #expect(run.status == SpanStatus(code: .error, message: "model failed"))
        #expect(run.string(SpanAttributeName.runStatus) == "failed")
        #expect(tracer.open.isEmpty)
    }

    @Test(arguments: [RunEvent.Kind.runCancelled, .runFailed, .runNeedsAttention])
    func spansStillOpenWhenARunEndsAreEnded(ending: RunEvent.Kind) async throws {
        let tracer = RecordingTracer()
        let sink = TracingEventSink(tracer: tracer)
        var e = RunEvents("run_c")
        await sink.receive(e.next(.runStarted, ["agent": "support"]))
        await sink.receive(e.next(.modelRequest, ["step": "turn/1/model", "model": "m"]))
        await sink.receive(e.next(.toolStarted, ["call_id": "c1", "name": "slow", "arguments": [:], "step": "turn/1/tool/c1"]))
        #expect(tracer.open.count == 3)
        await sink.receive(e.next(ending, ["error": "stopped"]))

        #expect(tracer.open.isEmpty)
        #expect(tracer.started.allSatisfy { $0.endCount == 1 })
        let tool = try #require(tracer.span(named: "execute_tool slow"))
        #expect(tool.status?.code == .error)
        #expect(tool.string(SpanAttributeName.errorType) == "interrupted")
        let run = try #require(tracer.span(named: "invoke_agent support"))
        #expect(run.status?.code == (ending == .runCancelled ? nil : .error))
    }

    @Test func theRunSpanNestsUnderTheCurrentServiceContext() async throws {
        let tracer = RecordingTracer()
        let sink = TracingEventSink(tracer: tracer)
        let request = tracer.startSpan("POST /chat", context: .topLevel, ofKind: .server, at: DefaultTracerClock.now,
                                       function: #function, file: #fileID, line: #line)
        await ServiceContext.$current.withValue(request.context) {
            for event in reactRun("run_h") { await sink.receive(event) }
        }
        request.end()
        let run = try #require(tracer.span(named: "invoke_agent support"))
        #expect(run.parentID == request.id)
        #expect(tracer.open.isEmpty)
    }

    @Test func aDelegatedChildRunNestsUnderTheDelegatingToolSpan() async throws {
        let tracer = RecordingTracer()
        let sink = TracingEventSink(tracer: tracer)
        let parentID = RunID("run_p")
        let childID = parentID.child("turn/1/tool/call_9")
        var p = RunEvents(parentID)
        var c = RunEvents(childID)
        await sink.receive(p.next(.runStarted, ["agent": "router"]))
        await sink.receive(p.next(.toolStarted, ["call_id": "call_9", "name": "billing", "arguments": ["question": "refund?"], "step": "turn/1/tool/call_9"]))
        await sink.receive(p.next(.delegationStarted, ["agent": "billing", "call_id": "call_9", "child_run_id": .string(childID.rawValue)]))
        await sink.receive(c.next(.runStarted, ["agent": "billing", "parent_run_id": .string(parentID.rawValue)]))
        await sink.receive(c.next(.modelRequest, ["step": "turn/1/model", "model": "m"]))
        await sink.receive(c.next(.modelResponse, ["step": "turn/1/model", "model": "m", "usage": ["input_tokens": 5, "output_tokens": 1]]))
        await sink.receive(c.next(.runFinished, ["output": "ok"]))
        await sink.receive(p.next(.toolFinished, ["call_id": "call_9", "name": "billing", "output": "ok", "duration_ms": 4000]))
        await sink.receive(p.next(.delegationFinished, ["agent": "billing", "child_run_id": .string(childID.rawValue), "is_error": false]))
        await sink.receive(p.next(.runFinished, ["output": "done"]))

        let parent = try #require(tracer.span(named: "invoke_agent router"))
        let tool = try #require(tracer.span(named: "execute_tool billing"))
        let child = try #require(tracer.span(named: "invoke_agent billing"))
        #expect(tool.parentID == parent.id)
        #expect(child.parentID == tool.id)
        #expect(child.string(SpanAttributeName.parentRunID) == "run_p")
        #expect(tool.string(SpanAttributeName.childRunID) == childID.rawValue)
        #expect(tracer.span(named: "chat m")?.parentID == child.id)
        #expect(tracer.open.isEmpty)
    }

    @Test func aResumedChildRunFindsItsParentFromItsID() async throws {
        let tracer = RecordingTracer()
        let sink = TracingEventSink(tracer: tracer)
        var p = RunEvents("run_p")
        var c = RunEvents(RunID("run_p").child("turn/2/tool/x.y"))
        await sink.receive(p.next(.runResumed, ["agent": "router"]))
        await sink.receive(c.next(.runResumed, ["agent": "billing"]))
        await sink.receive(c.next(.runFinished))
        await sink.receive(p.next(.runFinished))
        let parent = try #require(tracer.span(named: "invoke_agent router"))
        let child = try #require(tracer.span(named: "invoke_agent billing"))
        #expect(child.parentID == parent.id)
        #expect(child.attributes.get(SpanAttributeName.resumed) == .bool(true))
        #expect(tracer.open.isEmpty)
    }

    @Test func argumentsAreRecordedOnlyWhenAskedAndMasked() async throws {
        let tracer = RecordingTracer()
        let sink = TracingEventSink(tracer: tracer, options: .init(recordArguments: true))
        for event in reactRun("run_args") { await sink.receive(event) }
        let tool = try #require(tracer.span(named: "execute_tool lookup"))
        let arguments = try #require(tool.string(SpanAttributeName.toolCallArguments))
        #expect(arguments.contains("\"order\":\"A-1\""))
        #expect(!arguments.contains("sk-abcdefghijklmnopqrstuvwx"))
        #expect(arguments.contains("[REDACTED]"))
        // message bodies never become attributes
        let all = tracer.started.flatMap { span in
            var values: [String] = []
            span.attributes.forEach { _, value in values.append("\(value)") }
            return values
        }
        #expect(!all.contains { $0.contains("where is my order") || $0.contains("It shipped") })
    }

    @Test func openRunsAreBoundedAndEvictedSpansEnd() async {
        let tracer = RecordingTracer()
        let sink = TracingEventSink(tracer: tracer, options: .init(maxOpenRuns: 2))
        for i in 0..<5 {
            var e = RunEvents(RunID("run_\(i)"))
            await sink.receive(e.next(.runStarted, ["agent": "a"]))
            await sink.receive(e.next(.toolStarted, ["call_id": "c", "name": "t"]))
        }
        #expect(sink.openRuns == 2)
        #expect(tracer.open.count == 4)
        #expect(tracer.started.allSatisfy { $0.endCount <= 1 })
    }

    @Test func eventsOfUnknownRunsAreIgnored() async {
        let tracer = RecordingTracer()
        let sink = TracingEventSink(tracer: tracer)
        var e = RunEvents("run_x")
        await sink.receive(e.next(.modelRequest, ["step": "s", "model": "m"]))
        await sink.receive(e.next(.toolFinished, ["call_id": "c", "name": "t"]))
        await sink.receive(e.next(.runFinished))
        #expect(tracer.started.isEmpty)
    }

    @Test func parallelToolCallsOfOneRun() async throws {
        let tracer = RecordingTracer()
        let sink = TracingEventSink(tracer: tracer)
        var e = RunEvents("run_par")
        await sink.receive(e.next(.runStarted, ["agent": "a"]))
        let start = e.next(.checkpoint).timestamp
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<20 {
                group.addTask {
                    await sink.receive(RunEvent(runID: "run_par", sequence: 10 + i, timestamp: start, tenant: "acme", kind: .toolStarted,
                                                data: ["call_id": .string("c\(i)"), "name": "t"]))
                    await sink.receive(RunEvent(runID: "run_par", sequence: 50 + i, timestamp: start, tenant: "acme", kind: .toolFinished,
                                                data: ["call_id": .string("c\(i)"), "name": "t", "duration_ms": 1]))
                }
            }
        }
        await sink.receive(e.next(.runFinished))
        let run = try #require(tracer.span(named: "invoke_agent a"))
        #expect(tracer.started.filter { $0.parentID == run.id }.count == 20)
        #expect(tracer.open.isEmpty)
        #expect(tracer.started.allSatisfy { $0.endCount == 1 })
    }
}

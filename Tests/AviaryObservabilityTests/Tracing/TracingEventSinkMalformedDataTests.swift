import AviaryCore
import AviaryObservability
import Testing
import Tracing

/// A terminal event whose data does not have its kind's shape still ends the run's spans.
@Suite struct TracingEventSinkMalformedDataTests {
    @Test func aTerminalEventWithMalformedDataStillEndsTheSpans() async throws {
        let tracer = RecordingTracer()
        let sink = TracingEventSink(tracer: tracer)
        var e = RunEvents("run_m")
        await sink.receive(e.next(.runStarted, ["agent": "support"]))
        await sink.receive(e.next(.toolStarted, ["call_id": "c1", "name": "lookup"]))
        await sink.receive(e.next(.runNeedsAttention, ["error": ["not": "a string"]]))
        #expect(sink.openRuns == 0)
        let run = try #require(tracer.span(named: "invoke_agent support"))
        #expect(run.endNanos != nil)
        #expect(run.string(SpanAttributeName.runStatus) == "needs_attention")
        let tool = try #require(tracer.span(named: "execute_tool lookup"))
        #expect(tool.endNanos != nil)
    }
}

import AviaryCore
import AviaryObservability
import Testing

/// Events whose data does not have their kind's shape (hand-written, or a bug) never leave a run
/// counted as active, and never invent label values.
@Suite struct MetricsEventSinkMalformedDataTests {
    @Test func aTerminalEventWithMalformedDataStillEndsTheRun() async {
        let metrics = AviaryMetrics()
        let sink = MetricsEventSink(metrics: metrics)
        var e = RunEvents("run_m")
        await sink.receive(e.next(.runStarted, ["agent": "support"]))
        #expect(sink.trackedRuns == 1)
        await sink.receive(e.next(.runFailed, ["error": 42]))
        let text = PrometheusText(metrics.render())
        #expect(sink.trackedRuns == 0)
        #expect(text.value("aviary_runs_active") == 0)
        #expect(text.value("aviary_runs_total", ["agent": "support", "status": "failed"]) == 1)
    }

    @Test func aCallEventWithMalformedDataIsNotCounted() async {
        let metrics = AviaryMetrics()
        let sink = MetricsEventSink(metrics: metrics)
        var e = RunEvents("run_n")
        await sink.receive(e.next(.toolFinished, ["call_id": "c", "name": "lookup", "duration_ms": "slow"]))
        await sink.receive(e.next(.modelResponse, ["model": "m"])) // no step
        let text = PrometheusText(metrics.render())
        #expect(text.value("aviary_tool_calls_total", ["tool": "lookup", "status": "finished"]) ?? 0 == 0)
        #expect(text.value("aviary_model_calls_total", ["model": "m", "status": "ok"]) ?? 0 == 0)
    }

    @Test func typedEventsAreCounted() async {
        let metrics = AviaryMetrics()
        let sink = MetricsEventSink(metrics: metrics)
        await sink.receive(RunEvent(runID: "run_t", sequence: 1, tenant: "acme", RunStartedEvent(agent: "support", input: "hi")))
        await sink.receive(RunEvent(runID: "run_t", sequence: 2, tenant: "acme",
                                    ToolFailedEvent(callID: "c", name: "made_up", arguments: [:], error: "unknown tool", durationMS: 1,
                                                    unknownTool: true)))
        await sink.receive(RunEvent(runID: "run_t", sequence: 3, tenant: "acme", RunFinishedEvent(output: "ok", usage: Usage())))
        let text = PrometheusText(metrics.render())
        #expect(text.value("aviary_tool_calls_total", ["tool": "unknown", "status": "failed"]) == 1)
        #expect(text.value("aviary_runs_total", ["agent": "support", "status": "completed"]) == 1)
    }
}

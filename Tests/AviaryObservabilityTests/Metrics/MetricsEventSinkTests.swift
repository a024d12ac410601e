import AviaryCore
import AviaryObservability
import Testing

@Suite struct MetricsEventSinkTests {
    @Test func aReactRunBecomesRunModelAndToolMetrics() async {
        let metrics = AviaryMetrics()
        let sink = MetricsEventSink(metrics: metrics)
        let events = reactRun("run_a")
        for event in events.prefix(4) { await sink.receive(event) }
        #expect(PrometheusText(metrics.render()).value("aviary_runs_active") == 1)
        for event in events.dropFirst(4) { await sink.receive(event) }

        let text = PrometheusText(metrics.render())
        #expect(text.value("aviary_runs_active") == 0)
        #expect(text.value("aviary_runs_total", ["agent": "support", "status": "completed"]) == 1)
        #expect(text.value("aviary_run_duration_seconds_count", ["agent": "support", "status": "completed"]) == 1)
        // started at t, finished 1 + 1.5 + 1 + 0.25 + 1 + 0.5 + 1 = 6.25 s later
        #expect(text.value("aviary_run_duration_seconds_sum", ["agent": "support", "status": "completed"]) == 6.25)
        #expect(text.value("aviary_model_calls_total", ["model": "openai/gpt-test", "status": "ok"]) == 2)
        #expect(text.value("aviary_model_calls_total", ["model": "openai/gpt-test", "status": "failed"]) == 0)
        #expect(text.value("aviary_model_tokens_total", ["model": "openai/gpt-test", "direction": "input"]) == 250)
        #expect(text.value("aviary_model_tokens_total", ["model": "openai/gpt-test", "direction": "output"]) == 50)
        let cost = text.value("aviary_model_cost_usd_total", ["model": "openai/gpt-test"]) ?? 0
        #expect(abs(cost - 0.005) < 1e-12)
        #expect(text.value("aviary_model_call_duration_seconds_sum", ["model": "openai/gpt-test"]) == 2.0)
        #expect(text.value("aviary_tool_calls_total", ["tool": "lookup", "status": "finished"]) == 1)
        #expect(text.value("aviary_tool_call_duration_seconds_sum", ["tool": "lookup"]) == 0.25)
        #expect(sink.trackedRuns == 0)
    }

    @Test func failuresAreCountedByStatus() async {
        let metrics = AviaryMetrics()
        let sink = MetricsEventSink(metrics: metrics)
        var e = RunEvents("run_b")
        for event in reactRun("run_b", toolFails: true).dropLast() { await sink.receive(event) }
        await sink.receive(RunEvent(runID: "run_b", sequence: 99, timestamp: e.time, tenant: "acme", kind: .runFailed, data: ["error": "boom"]))
        await sink.receive(e.next(.modelFailed, ["step": "turn/1/model", "model": "anthropic/claude-test", "error": "HTTP 529"]))

        let text = PrometheusText(metrics.render())
        #expect(text.value("aviary_runs_total", ["agent": "support", "status": "failed"]) == 1)
        #expect(text.value("aviary_tool_calls_total", ["tool": "lookup", "status": "failed"]) == 1)
        #expect(text.value("aviary_model_calls_total", ["model": "anthropic/claude-test", "status": "failed"]) == 1)
        #expect(text.value("aviary_runs_active") == 0)
    }

    /// A tool name the model invented (the agent has no such tool) is never a label value.
    @Test func anUnknownToolIsCountedWithoutItsInventedName() async {
        let metrics = AviaryMetrics()
        let sink = MetricsEventSink(metrics: metrics)
        var e = RunEvents("run_u")
        await sink.receive(e.next(.toolFailed, ["call_id": "call_1", "name": "drop_all_tables_\u{1F600}", "arguments": [:],
                                                "error": "unknown tool", "duration_ms": 0.1, "unknown_tool": true]))
        let text = PrometheusText(metrics.render())
        #expect(text.value("aviary_tool_calls_total", ["tool": "unknown", "status": "failed"]) == 1)
        #expect(!metrics.render().contains("drop_all_tables"))
    }

    @Test func everyTerminalKindEndsTheRun() async {
        let metrics = AviaryMetrics()
        let sink = MetricsEventSink(metrics: metrics)
        let endings: [(RunEvent.Kind, String)] = [(.runFinished, "completed"), (.runFailed, "failed"),
                                                  (.runCancelled, "cancelled"), (.runNeedsAttention, "needs_attention")]
        for (i, (kind, _)) in endings.enumerated() {
            var e = RunEvents(RunID("run_\(i)"))
            await sink.receive(e.next(.runStarted, ["agent": "router"]))
            await sink.receive(e.next(kind, [:], after: 2))
        }
        let text = PrometheusText(metrics.render())
        for (_, status) in endings {
            #expect(text.value("aviary_runs_total", ["agent": "router", "status": status]) == 1)
            #expect(text.value("aviary_run_duration_seconds_sum", ["agent": "router", "status": status]) == 2)
        }
        #expect(text.value("aviary_runs_active") == 0)
    }

    @Test func aResumedRunCountsAsActiveAgainAndAnUnseenStartIsUnknown() async {
        let metrics = AviaryMetrics()
        let sink = MetricsEventSink(metrics: metrics)
        var e = RunEvents("run_r")
        await sink.receive(e.next(.runResumed, ["agent": "support"]))
        #expect(PrometheusText(metrics.render()).value("aviary_runs_active") == 1)
        await sink.receive(e.next(.runResumed, ["agent": "support"])) // repeated: still one execution
        #expect(PrometheusText(metrics.render()).value("aviary_runs_active") == 1)
        await sink.receive(e.next(.runFinished))
        var other = RunEvents("run_never_started")
        await sink.receive(other.next(.runCancelled))

        let text = PrometheusText(metrics.render())
        #expect(text.value("aviary_runs_total", ["agent": "support", "status": "completed"]) == 1)
        #expect(text.value("aviary_runs_total", ["agent": "unknown", "status": "cancelled"]) == 1)
        #expect(text.value("aviary_run_duration_seconds_count", ["agent": "unknown", "status": "cancelled"]) == 0)
        #expect(text.value("aviary_runs_active") == 0)
    }

    @Test func runsWithoutAnEndAreBounded() async {
        let metrics = AviaryMetrics()
        let sink = MetricsEventSink(metrics: metrics, maxTrackedRuns: 3)
        for i in 0..<10 {
            var e = RunEvents(RunID("run_\(i)"))
            await sink.receive(e.next(.runStarted, ["agent": "support"]))
        }
        #expect(sink.trackedRuns == 3)
        #expect(PrometheusText(metrics.render()).value("aviary_runs_active") == 3)
    }

    @Test func concurrentRunsFromManyTasks() async {
        let metrics = AviaryMetrics()
        let sink = MetricsEventSink(metrics: metrics)
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<50 {
                group.addTask {
                    for event in reactRun(RunID("run_\(i)"), tool: "tool_\(i % 5)") { await sink.receive(event) }
                }
            }
        }
        let text = PrometheusText(metrics.render())
        #expect(text.value("aviary_runs_total", ["agent": "support", "status": "completed"]) == 50)
        #expect(text.value("aviary_model_calls_total", ["status": "ok"]) == 100)
        #expect(text.all("aviary_tool_calls_total").filter { $0.labels["status"] == "finished" }.map(\.value).reduce(0, +) == 50)
        #expect(text.value("aviary_runs_active") == 0)
    }
}

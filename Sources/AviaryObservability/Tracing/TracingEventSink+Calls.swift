import AviaryCore
import Synchronization
import Tracing

extension TracingEventSink {
    func modelRequested(_ event: RunEvent) {
        guard let parent = runs.withLock({ $0[event.runID]?.span.context }) else { return }
        let model = event.label("model")
        let span = tracer.startSpan("chat \(model)", context: parent, ofKind: .client, at: event.instant)
        span.updateAttributes { a in
            a[SpanAttributeName.operation] = "chat"
            a[SpanAttributeName.requestModel] = model
            a[SpanAttributeName.runID] = event.runID.rawValue
            if let step = event.string("step") { a[SpanAttributeName.step] = step }
        }
        adopt(span, in: event.runID, at: event.instant) { run in run.models.updateValue(span, forKey: event.label("step", or: "")) }
    }

    func modelEnded(_ event: RunEvent) {
        let step = event.label("step", or: "")
        guard let span = runs.withLock({ $0.update(event.runID) { $0.models.removeValue(forKey: step) } ?? nil }) else { return }
        if event.kind == .modelFailed {
            span.attributes[SpanAttributeName.errorType] = "model_error"
            span.setStatus(SpanStatus(code: .error, message: redactor.mask(event.string("error") ?? "model call failed")))
        } else {
            let usage = event.data["usage"]
            span.updateAttributes { a in
                if let model = event.string("model") { a[SpanAttributeName.responseModel] = model }
                if let n = usage?["input_tokens"]?.intValue { a[SpanAttributeName.inputTokens] = n }
                if let n = usage?["output_tokens"]?.intValue { a[SpanAttributeName.outputTokens] = n }
                if let cost = event.number("cost_usd") ?? usage?["cost_usd"]?.numberValue { a[SpanAttributeName.costUSD] = cost }
                if let reason = event.string("finish_reason") { a[SpanAttributeName.finishReasons] = [reason] }
                if let latency = event.number("latency_ms") { a[SpanAttributeName.latencyMS] = latency }
            }
        }
        span.end(at: event.instant)
    }

    func toolStarted(_ event: RunEvent) {
        guard let parent = runs.withLock({ $0[event.runID]?.span.context }) else { return }
        let name = event.label("name")
        let callID = event.label("call_id", or: "")
        let span = tracer.startSpan("execute_tool \(name)", context: parent, ofKind: .internal, at: event.instant)
        span.updateAttributes { a in
            a[SpanAttributeName.operation] = "execute_tool"
            a[SpanAttributeName.toolName] = name
            a[SpanAttributeName.toolCallID] = callID
            a[SpanAttributeName.runID] = event.runID.rawValue
            if let step = event.string("step") { a[SpanAttributeName.step] = step }
            if options.recordArguments, let arguments = event.data["arguments"] {
                a[SpanAttributeName.toolCallArguments] = redactor.mask(arguments.jsonString)
            }
        }
        adopt(span, in: event.runID, at: event.instant) { run in run.tools.updateValue(span, forKey: callID) }
    }

    func toolEnded(_ event: RunEvent) {
        let callID = event.label("call_id", or: "")
        guard let span = runs.withLock({ $0.update(event.runID) { $0.tools.removeValue(forKey: callID) } ?? nil }) else { return }
        if let duration = event.number("duration_ms") { span.attributes[SpanAttributeName.durationMS] = duration }
        if event.kind == .toolFailed {
            span.attributes[SpanAttributeName.errorType] = "tool_error"
            span.setStatus(SpanStatus(code: .error, message: redactor.mask(event.string("error") ?? "tool call failed")))
        }
        span.end(at: event.instant)
    }

    /// Remembers the delegating tool span's context as the parent of the child run about to start.
    func delegationStarted(_ event: RunEvent) {
        guard let childID = event.string("child_run_id") else { return }
        let child = RunID(childID)
        let callID = event.label("call_id", or: "")
        let tool = runs.withLock { table in
            table.update(event.runID) { run -> (any Span)? in
                guard let tool = run.tools[callID] else { return nil }
                run.children[child] = tool.context
                return tool
            } ?? nil
        }
        tool?.attributes[SpanAttributeName.childRunID] = child.rawValue
    }

    /// Stores a freshly started call span under its run, ending it at once when the run is gone
    /// (ended concurrently) and ending any span it replaces (a repeated step or call id).
    private func adopt(_ span: any Span, in runID: RunID, at instant: DefaultTracerClock.Timestamp,
                       _ store: @Sendable (inout OpenRun) -> (any Span)?) {
        let outcome = runs.withLock { $0.update(runID, store) }
        switch outcome {
        case .none:
            span.end(at: instant)
        case .some(.some(let replaced)):
            replaced.setStatus(SpanStatus(code: .error, message: "superseded by a new call with the same key"))
            replaced.end(at: instant)
        case .some(.none):
            break
        }
    }
}

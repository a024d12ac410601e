import AviaryCore
import Synchronization
import Tracing

extension TracingEventSink {
    func modelRequested(_ request: ModelRequestEvent, of event: RunEvent) {
        guard let parent = runs.withLock({ $0[event.runID]?.span.context }) else { return }
        let model = request.model.nonEmpty()
        let span = tracer.startSpan("chat \(model)", context: parent, ofKind: .client, at: event.instant)
        span.updateAttributes { a in
            a[SpanAttributeName.operation] = "chat"
            a[SpanAttributeName.requestModel] = model
            a[SpanAttributeName.runID] = event.runID.rawValue
            a[SpanAttributeName.step] = request.step
        }
        adopt(span, in: event.runID, at: event.instant) { run in run.models.updateValue(span, forKey: request.step) }
    }

    func modelResponded(_ response: ModelResponseEvent, of event: RunEvent) {
        guard let span = modelSpan(step: response.step, of: event) else { return }
        span.updateAttributes { a in
            a[SpanAttributeName.responseModel] = response.model
            if let usage = response.usage {
                a[SpanAttributeName.inputTokens] = usage.inputTokens
                a[SpanAttributeName.outputTokens] = usage.outputTokens
            }
            if let cost = response.costUSD ?? response.usage?.costUSD { a[SpanAttributeName.costUSD] = cost }
            if let reason = response.finishReason { a[SpanAttributeName.finishReasons] = [reason.rawValue] }
            if let latency = response.latencyMS { a[SpanAttributeName.latencyMS] = latency }
        }
        span.end(at: event.instant)
    }

    func modelFailed(_ failure: ModelFailedEvent, of event: RunEvent) {
        guard let span = modelSpan(step: failure.step, of: event) else { return }
        span.attributes[SpanAttributeName.errorType] = "model_error"
        span.setStatus(SpanStatus(code: .error, message: redactor.mask(failure.error ?? "model call failed")))
        span.end(at: event.instant)
    }

    /// Removes the open span of a run's model call.
    private func modelSpan(step: String, of event: RunEvent) -> (any Span)? {
        runs.withLock { $0.update(event.runID) { $0.models.removeValue(forKey: step) } ?? nil }
    }

    func toolStarted(_ call: ToolStartedEvent, of event: RunEvent) {
        guard let parent = runs.withLock({ $0[event.runID]?.span.context }) else { return }
        let name = call.name.nonEmpty()
        let span = tracer.startSpan("execute_tool \(name)", context: parent, ofKind: .internal, at: event.instant)
        span.updateAttributes { a in
            a[SpanAttributeName.operation] = "execute_tool"
            a[SpanAttributeName.toolName] = name
            a[SpanAttributeName.toolCallID] = call.callID
            a[SpanAttributeName.runID] = event.runID.rawValue
            if let step = call.step { a[SpanAttributeName.step] = step }
            if options.recordArguments, !call.arguments.isNull {
                a[SpanAttributeName.toolCallArguments] = redactor.mask(call.arguments.jsonString)
            }
        }
        adopt(span, in: event.runID, at: event.instant) { run in run.tools.updateValue(span, forKey: call.callID) }
    }

    /// Ends a tool call's span; `failure` is the error of a failed call.
    func toolEnded(callID: String, durationMS: Double?, failure: String?, of event: RunEvent) {
        guard let span = runs.withLock({ $0.update(event.runID) { $0.tools.removeValue(forKey: callID) } ?? nil }) else { return }
        if let durationMS { span.attributes[SpanAttributeName.durationMS] = durationMS }
        if let failure {
            span.attributes[SpanAttributeName.errorType] = "tool_error"
            span.setStatus(SpanStatus(code: .error, message: redactor.mask(failure)))
        }
        span.end(at: event.instant)
    }

    /// Remembers the delegating tool span's context as the parent of the child run about to start.
    func delegationStarted(_ delegation: DelegationStartedEvent, of event: RunEvent) {
        let child = delegation.childRunID
        let tool = runs.withLock { table in
            table.update(event.runID) { run -> (any Span)? in
                guard let tool = run.tools[delegation.callID] else { return nil }
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

import AviaryCore
import Synchronization
import Tracing

extension TracingEventSink {
    func runBegan(_ event: RunEvent, agent: String, declaredParent: RunID?, context: ServiceContext?) {
        let agent = agent.nonEmpty()
        let parentContext = runs.withLock { table -> ServiceContext? in
            for candidate in Self.parentCandidates(of: event.runID, declared: declaredParent) {
                let found = table.update(candidate) { parent in
                    parent.children.removeValue(forKey: event.runID) ?? parent.span.context
                }
                if let found { return found }
            }
            return nil
        }
        let span = tracer.startSpan("invoke_agent \(agent)", context: parentContext ?? context ?? .topLevel,
                                    ofKind: .internal, at: event.instant)
        span.updateAttributes { a in
            a[SpanAttributeName.operation] = "invoke_agent"
            a[SpanAttributeName.agentName] = agent
            a[SpanAttributeName.runID] = event.runID.rawValue
            a[SpanAttributeName.tenant] = event.tenant
            if let declaredParent { a[SpanAttributeName.parentRunID] = declaredParent.rawValue }
            if event.kind == .runResumed { a[SpanAttributeName.resumed] = true }
        }
        let (replaced, evicted) = runs.withLock { table in
            let replaced = table.remove(event.runID)
            return (replaced, table.insert(OpenRun(span: span), for: event.runID))
        }
        let now = event.instant
        if let replaced { Self.close(replaced, status: "superseded", error: nil, at: now) }
        for (_, run) in evicted { Self.close(run, status: "untracked", error: nil, at: now) }
    }

    /// Ends a run's spans; `usage` (completed runs) and `error` (failed and needs-attention runs) as the event gives them.
    func runEnded(_ event: RunEvent, outcome: RunOutcome, usage: Usage?, error: String?) {
        guard let run = runs.withLock({ $0.remove(event.runID) }) else { return }
        var message: String?
        switch outcome {
        case .completed:
            if let usage {
                run.span.updateAttributes { a in
                    a[SpanAttributeName.inputTokens] = usage.inputTokens
                    a[SpanAttributeName.outputTokens] = usage.outputTokens
                    a[SpanAttributeName.costUSD] = usage.costUSD
                }
            }
        case .failed:
            message = redactor.mask(error ?? "run failed")
        case .needsAttention:
            message = redactor.mask(error ?? "run needs attention")
        case .cancelled, .interrupted, .waiting:
            break
        }
        Self.close(run, status: outcome.rawValue, error: message, at: event.instant)
    }

    /// Ends a run's open call spans (as interrupted), then the run span.
    static func close(_ run: OpenRun, status: String, error: String?, at instant: DefaultTracerClock.Timestamp) {
        for span in run.models.values { interrupt(span, because: status, at: instant) }
        for span in run.tools.values { interrupt(span, because: status, at: instant) }
        run.span.updateAttributes { a in
            a[SpanAttributeName.runStatus] = status
            if error != nil { a[SpanAttributeName.errorType] = "run_\(status)" }
        }
        if let error { run.span.setStatus(SpanStatus(code: .error, message: error)) }
        run.span.end(at: instant)
    }

    private static func interrupt(_ span: any Span, because status: String, at instant: DefaultTracerClock.Timestamp) {
        span.attributes[SpanAttributeName.errorType] = "interrupted"
        span.setStatus(SpanStatus(code: .error, message: "the run ended (\(status)) before this call finished"))
        span.end(at: instant)
    }

    /// Runs that may be this run's parent: the declared one, then the prefixes of a child id
    /// (`<parent>.<step>`), longest first, for resumed child runs whose events name no parent.
    static func parentCandidates(of id: RunID, declared: RunID?) -> [RunID] {
        var candidates: [RunID] = declared.map { [$0] } ?? []
        var raw = Substring(id.rawValue)
        while let dot = raw.lastIndex(of: ".") {
            raw = raw[..<dot]
            candidates.append(RunID(String(raw)))
        }
        return candidates
    }
}

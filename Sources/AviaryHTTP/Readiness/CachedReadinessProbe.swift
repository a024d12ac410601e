import Synchronization

/// A readiness check that calls a remote service (a model provider), made single-flight and
/// cached: callers within `ttl` of the last probe get its result, and concurrent callers share one
/// probe in flight. However many clients ask `GET /ready`, a provider sees at most one probe per TTL.
final class CachedReadinessProbe: Sendable {
    typealias Outcome = (status: ReadinessCheck.Status, detail: String)

    private struct State {
        var last: (outcome: Outcome, at: ContinuousClock.Instant)?
        var inFlight: Task<Outcome, Never>?
    }

    let check: ReadinessCheck
    private let ttl: Duration
    private let state = Mutex(State())

    /// Caches `check`'s result for `ttl`.
    init(_ check: ReadinessCheck, ttl: Duration) {
        self.check = check
        self.ttl = ttl
    }

    /// The cached outcome while fresh, else the outcome of the probe in flight (starting one if none).
    func outcome() async -> Outcome {
        let now = ContinuousClock.now
        let (cached, task) = state.withLock { state -> (Outcome?, Task<Outcome, Never>?) in
            if let last = state.last, now - last.at < ttl { return (last.outcome, nil) }
            if let running = state.inFlight { return (nil, running) }
            // Not a child of the request: a caller that disconnects must not cancel the probe others wait for.
            let probe = Task { [check] () -> Outcome in
                let (status, detail) = await check.check()
                return (status, detail)
            }
            state.inFlight = probe
            return (nil, probe)
        }
        if let cached { return cached }
        guard let task else { return (.degraded, "not checked") }
        let outcome = await task.value
        state.withLock { state in
            if state.inFlight == task {
                state.inFlight = nil
                state.last = (outcome, ContinuousClock.now)
            }
        }
        return outcome
    }
}

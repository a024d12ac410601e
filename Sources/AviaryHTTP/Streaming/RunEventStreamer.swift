import AviaryCore

/// Streams one run's events: first what the store holds after `after`, then live events from
/// the hub in sequence order (parallel steps can deliver them out of order; gaps wait for the
/// missing event), with heartbeats, until an event ends the run's execution. For runs that do
/// not execute in this process it re-reads the store every poll interval, and it ends once such
/// a run is not running and everything stored was sent — so reconnecting to a finished run
/// (`Last-Event-ID` at its last event) ends at once instead of idling.
///
/// A stream also ends, with a final comment saying why, after ``StreamLimits/maxLifetime``, and
/// when the run is `running` in the store but no process we can see executes it (not this one,
/// and no new events) for ``StreamLimits/ownerlessGrace`` — its executing process is gone.
struct RunEventStreamer: Sendable {
    let runID: RunID
    let tenant: String
    let store: any RunStore
    let hub: RunEventHub
    let heartbeat: Duration
    let poll: Duration
    /// Keep streaming live events (false: send what is stored and stop).
    let follow: Bool
    /// What the caller may see of each event (``RunEventView``).
    var view: RunEventView = .full
    /// Lifetime and ownerless-run limits.
    var limits = StreamLimits()
    /// True while the run executes in this process (``ActiveRuns``).
    var isExecutingHere: @Sendable (RunID) -> Bool = { _ in false }

    /// The final comment of a stream that the lifetime limit ends.
    static let lifetimeReached = "stream closed: maximum stream lifetime reached; reconnect with Last-Event-ID to continue"
    /// The final comment of a stream whose run has no live owner.
    static let noLiveOwner = "stream closed: the run is running but no live process executes it; it continues when resumed"

    /// Sends frames (wire text) through `send` until the run's execution ends or the client leaves.
    func stream(after: Int, send: (String) async throws -> Void) async throws {
        let feed = hub.subscribe(runID)
        defer { feed.cancel() }
        var cursor = Cursor(lastSent: after, view: view)

        try await catchUp(&cursor, send)
        for e in feed.backlog { try await cursor.offer(e, send) }
        if !follow { return }
        // An ending event from the store may belong to an earlier execution of a run that is about
        // to execute again (just resumed or claimed): only the stored status says it is over.
        if try await idle(&cursor, send) { return }

        let started = ContinuousClock.now
        var lastProgress = started
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                while true {
                    try await Task.sleep(for: min(poll, heartbeat))
                    feed.tick()
                }
            }
            defer { group.cancelAll() }
            var sinceHeartbeat = ContinuousClock.now
            for await item in feed.items {
                switch item {
                case .event(let event):
                    lastProgress = ContinuousClock.now
                    if event.isTransient {
                        try await send(event.serverSentEvent(view: view).text)
                    } else {
                        try await cursor.offer(event, send)
                        // the live execution ended: nothing more comes until someone resumes it
                        if cursor.ended && !hub.isExecuting(runID) { return }
                    }
                case .tick:
                    let now = ContinuousClock.now
                    if now - started >= limits.maxLifetime {
                        try await send(ServerSentEvent.comment(Self.lifetimeReached))
                        return
                    }
                    if ContinuousClock.now - sinceHeartbeat >= heartbeat {
                        try await send(ServerSentEvent.comment("heartbeat"))
                        sinceHeartbeat = ContinuousClock.now
                    }
                    if !hub.isExecuting(runID) || cursor.hasGap {
                        let before = cursor.lastSent
                        try await catchUp(&cursor, send)
                        if try await idle(&cursor, send) { return }
                        if cursor.lastSent != before { lastProgress = now }
                        if !hub.isExecuting(runID), !isExecutingHere(runID), now - lastProgress >= limits.ownerlessGrace {
                            try await send(ServerSentEvent.comment(Self.noLiveOwner))
                            return
                        }
                    }
                }
            }
        }
    }

    private func catchUp(_ cursor: inout Cursor, _ send: (String) async throws -> Void) async throws {
        for e in try await store.loadEvents(runID, tenant: tenant, after: cursor.lastSent, limit: nil) {
            try await cursor.offer(e, send)
        }
    }

    /// True when the run executes nowhere we can see (not here, not `running` in the store):
    /// nothing more will come until someone resumes it. The status is stored after the run's
    /// last events, so one more catch-up then sends everything.
    private func idle(_ cursor: inout Cursor, _ send: (String) async throws -> Void) async throws -> Bool {
        guard !hub.isExecuting(runID), let run = try await store.loadRun(runID, tenant: tenant),
              run.status != .running && run.status != .pending else { return false }
        try await catchUp(&cursor, send)
        return true
    }

    /// Sends events in sequence order exactly once.
    struct Cursor {
        var lastSent: Int
        /// What the caller may see of each event.
        let view: RunEventView
        var pending: [Int: RunEvent] = [:]
        var ended = false

        var hasGap: Bool { !pending.isEmpty }

        mutating func offer(_ event: RunEvent, _ send: (String) async throws -> Void) async throws {
            guard event.sequence > lastSent else { return }
            pending[event.sequence] = event
            while let next = pending.removeValue(forKey: lastSent + 1) {
                try await send(next.serverSentEvent(view: view).text)
                lastSent = next.sequence
                ended = next.endsExecution
            }
        }
    }
}

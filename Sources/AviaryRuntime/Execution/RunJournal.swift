import AviaryCore
import Foundation
import Logging
import Synchronization

/// One run's journal and event log while it executes: replays recorded steps, records new ones,
/// numbers events and forwards them to the sink. Events are persisted together with journal writes.
///
/// A step can be *held* (``hold(_:output:)``) instead of recorded: it is written with the next
/// write (the next step's record, or the run's final ``flush()``), so a run's last step, its events
/// and the run's end share one store write. Callers hold only a step after which nothing but pure
/// computation happens before that next write; ``writeHeld()`` makes a held step durable earlier.
final class RunJournal: Sendable {
    let runID: RunID
    let tenant: String
    private let store: any RunStore
    private let sink: (any EventSink)?
    private let state: Mutex<State>

    private struct State {
        var entries: [String: JournalEntry]
        var nextSequence: Int
        var pending: [RunEvent] = []
        /// A completed step recorded in memory, not yet written.
        var held: JournalEntry?
        /// The run itself when it is not stored yet: inserted with the first write.
        var unstored: RunRecord?
    }

    /// Loads the journal of a run (empty for a new run).
    static func load(runID: RunID, tenant: String, store: any RunStore, sink: (any EventSink)?) async throws -> RunJournal {
        let entries = try await store.loadJournal(runID, tenant: tenant)
        let lastEvent = try await store.loadEvents(runID, tenant: tenant, after: 0).last?.sequence ?? 0
        return RunJournal(runID: runID, tenant: tenant, store: store, sink: sink,
                          entries: Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { _, b in b }),
                          nextSequence: lastEvent + 1)
    }

    /// A journal for a run that has never executed (no store reads). With `unstored`, the run is
    /// not in the store yet and is inserted together with the journal's first write.
    static func fresh(runID: RunID, tenant: String, store: any RunStore, sink: (any EventSink)?,
                      unstored: RunRecord? = nil) -> RunJournal {
        RunJournal(runID: runID, tenant: tenant, store: store, sink: sink, entries: [:], nextSequence: 1, unstored: unstored)
    }

    private init(runID: RunID, tenant: String, store: any RunStore, sink: (any EventSink)?, entries: [String: JournalEntry],
                 nextSequence: Int, unstored: RunRecord? = nil) {
        self.runID = runID
        self.tenant = tenant
        self.store = store
        self.sink = sink
        self.state = Mutex(State(entries: entries, nextSequence: nextSequence, unstored: unstored))
    }

    /// The recorded entry for a step key.
    func entry(_ key: String) -> JournalEntry? { state.withLock { $0.entries[key] } }

    /// The run's record while it is not stored yet (inserted with the journal's first write, and
    /// forgotten once that write has returned).
    var unstoredRun: RunRecord? { state.withLock { $0.unstored } }

    /// True when the journal has any entry (the run executed before).
    var isEmpty: Bool { state.withLock { $0.entries.isEmpty } }

    /// Queues an event (persisted with the next journal write or flush) and forwards it to the sink.
    func emit(_ kind: RunEvent.Kind, _ data: JSONValue) async {
        let event = state.withLock { s -> RunEvent in
            let e = RunEvent(runID: runID, sequence: s.nextSequence, tenant: tenant, kind: kind, data: data)
            s.nextSequence += 1
            s.pending.append(e)
            return e
        }
        await sink?.receive(event)
    }

    /// Delivers a transient event (``RunEvent/isTransient``) to the sink only: not persisted, and it
    /// reuses the last persisted sequence number instead of taking one.
    func emitTransient(_ kind: RunEvent.Kind, _ data: JSONValue) async {
        guard let sink else { return }
        let sequence = state.withLock { $0.nextSequence - 1 }
        await sink.receive(RunEvent(runID: runID, sequence: sequence, tenant: tenant, kind: kind, data: data))
    }

    /// Records a step state together with queued events (after writing a held step, if any).
    func record(_ key: String, _ stepState: JournalEntry.State, output: JSONValue? = nil, error: String? = nil) async throws {
        try await writeHeld()
        let entry = JournalEntry(runID: runID, key: key, state: stepState, output: output, error: error)
        let (events, unstored) = state.withLock { s -> ([RunEvent], RunRecord?) in
            s.entries[key] = entry
            defer { s.pending.removeAll(keepingCapacity: true) }
            return (s.pending, s.unstored)
        }
        try await write(entry, events, creating: unstored)
    }

    /// Records a completed step in memory only; it is written with the queued events by the next
    /// ``record(_:_:output:error:)``, ``writeHeld()`` or ``flush()``.
    func hold(_ key: String, output: JSONValue) async throws {
        try await writeHeld()
        let entry = JournalEntry(runID: runID, key: key, state: .completed, output: output)
        state.withLock { s in
            s.entries[key] = entry
            s.held = entry
        }
    }

    /// Writes the held step, if any, together with the queued events.
    func writeHeld() async throws {
        let taken = state.withLock { s -> (JournalEntry, [RunEvent], RunRecord?)? in
            guard let entry = s.held else { return nil }
            s.held = nil
            defer { s.pending.removeAll(keepingCapacity: true) }
            return (entry, s.pending, s.unstored)
        }
        guard let (entry, events, unstored) = taken else { return }
        try await write(entry, events, creating: unstored)
    }

    /// Writes a step with its events, inserting the run too while it is not stored yet.
    private func write(_ entry: JournalEntry, _ events: [RunEvent], creating unstored: RunRecord?) async throws {
        try await store.record(entry, tenant: tenant, events: events, creating: unstored)
        if unstored != nil { state.withLock { $0.unstored = nil } }
    }

    /// Persists the held step, if any, the queued events and the run's final state (one write
    /// where the store can).
    func finish(_ run: RunRecord) async throws {
        let (held, events, unstored) = state.withLock { s -> (JournalEntry?, [RunEvent], RunRecord?) in
            defer {
                s.held = nil
                s.pending.removeAll(keepingCapacity: true)
            }
            return (s.held, s.pending, s.unstored)
        }
        try await store.finishRun(run, held: held, events: events, creating: unstored)
        if unstored != nil { state.withLock { $0.unstored = nil } }
    }

    /// Persists the held step, if any, and the queued events.
    func flush() async throws {
        if state.withLock({ $0.held != nil }) { return try await writeHeld() }
        let (events, unstored) = state.withLock { s -> ([RunEvent], RunRecord?) in
            defer { s.pending.removeAll(keepingCapacity: true) }
            return (s.pending, s.unstored)
        }
        if let unstored {
            try await store.createRun(unstored)
            state.withLock { $0.unstored = nil }
        }
        try await store.appendEvents(events)
    }
}

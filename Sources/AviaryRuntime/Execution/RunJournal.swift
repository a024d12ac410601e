import AviaryCore
import Foundation
import Logging
import Synchronization

/// One run's journal and event log while it executes: replays recorded steps, records new ones,
/// numbers events and forwards them to the sink. Events are persisted together with journal writes.
///
/// Steps can be *held* (``hold(_:output:)``) instead of recorded: they are written with the next
/// write (the next step's record, ``writeHeld()`` before a paid call or a tool that is not pure
/// computation, or the run's end), so a model step and the pure tool calls after it, or a run's last
/// step, its events and the run's end, share one store write. Callers hold only steps after which
/// nothing but computation happens before that next write.
///
/// A delegation's child run *carries* its end (final step, events, run update) to its parent's
/// journal (`carrier`) instead of writing it: the parent's tool step for the delegation, recorded
/// right after the child returns, stores both in one commit. Until then only pure computation
/// happens, as for a held step (meanwhile the store still shows the child `running`); a parent
/// that has ended takes no carried writes (the child writes).
final class RunJournal: Sendable {
    let runID: RunID
    let tenant: String
    private let store: any RunStore
    private let sink: (any EventSink)?
    private let carrier: RunJournal?
    private let state: Mutex<State>

    fileprivate struct State {
        var entries: [String: JournalEntry]
        var nextSequence: Int
        var pending: [RunEvent] = []
        /// Completed steps recorded in memory, not yet written (in order).
        var held: [JournalEntry] = []
        /// The run itself when it is not stored yet: inserted with the first write.
        var unstored: RunRecord?
        /// Child runs' ends, stored before (and with) this journal's next write.
        var carried: [JournalWrite] = []
        /// The run's execution has ended (``finish(_:)``): writes are no longer carried here.
        var ended = false
    }

    /// Loads the journal of a run (empty for a new run).
    static func load(runID: RunID, tenant: String, store: any RunStore, sink: (any EventSink)?) async throws -> RunJournal {
        let entries = try await store.loadJournal(runID, tenant: tenant)
        let lastEvent = try await store.lastEventSequence(runID, tenant: tenant) ?? 0
        return RunJournal(runID: runID, tenant: tenant, store: store, sink: sink,
                          entries: Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { _, b in b }),
                          nextSequence: lastEvent + 1)
    }

    /// A journal for a run that has never executed (no store reads). With `unstored`, the run is
    /// not in the store yet and is inserted together with the journal's first write.
    /// With `carrier` (a delegation's parent journal), the run's end is carried to it.
    static func fresh(runID: RunID, tenant: String, store: any RunStore, sink: (any EventSink)?,
                      unstored: RunRecord? = nil, carrier: RunJournal? = nil) -> RunJournal {
        RunJournal(runID: runID, tenant: tenant, store: store, sink: sink, entries: [:], nextSequence: 1, unstored: unstored,
                   carrier: carrier)
    }

    private init(runID: RunID, tenant: String, store: any RunStore, sink: (any EventSink)?, entries: [String: JournalEntry],
                 nextSequence: Int, unstored: RunRecord? = nil, carrier: RunJournal? = nil) {
        self.runID = runID
        self.tenant = tenant
        self.store = store
        self.sink = sink
        self.carrier = carrier
        self.state = Mutex(State(entries: entries, nextSequence: nextSequence, unstored: unstored))
    }

    /// The recorded entry for a step key.
    func entry(_ key: String) -> JournalEntry? { state.withLock { $0.entries[key] } }

    /// The run's record while it is not stored yet (inserted with the journal's first write, and
    /// forgotten once that write has returned).
    var unstoredRun: RunRecord? { state.withLock { $0.unstored } }

    /// True when the journal has any entry (the run executed before).
    var isEmpty: Bool { state.withLock { $0.entries.isEmpty } }

    /// Queues a typed event (persisted with the next journal write or flush) and forwards it to the sink.
    func emit<P: RunEventPayload>(_ payload: P) async { await emit(P.kind, payload.data) }

    /// Queues a typed event given as a ``RunEvent/Payload``.
    func emit(_ payload: RunEvent.Payload) async { await emit(payload.kind, payload.data) }

    /// Queues an event (persisted with the next journal write or flush) and forwards it to the sink.
    private func emit(_ kind: RunEvent.Kind, _ data: JSONValue) async {
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
    func emitTransient<P: RunEventPayload>(_ payload: P) async {
        guard let sink else { return }
        let sequence = state.withLock { $0.nextSequence - 1 }
        await sink.receive(RunEvent(runID: runID, sequence: sequence, tenant: tenant, payload))
    }

    /// Records a step state, in one store write with the held steps before it and the queued events.
    /// `wakesAt` marks a waiting step whose request expires then.
    func record(_ key: String, _ stepState: JournalEntry.State, output: JSONValue? = nil, error: String? = nil,
                wakesAt: Date? = nil) async throws {
        let entry = JournalEntry(runID: runID, key: key, state: stepState, output: output, error: error, wakesAt: wakesAt)
        let (writes, carried) = state.withLock { s -> ([JournalWrite], [JournalWrite]) in
            s.entries[key] = entry
            return s.take(steps: s.takeHeld() + [entry], tenant: tenant)
        }
        try await commit(writes, after: carried)
    }

    /// Records a completed step in memory only; it is written with the queued events by the next
    /// ``record(_:_:output:error:)``, ``writeHeld()``, ``finish(_:)`` or ``flush()``.
    func hold(_ key: String, output: JSONValue) {
        let entry = JournalEntry(runID: runID, key: key, state: .completed, output: output)
        state.withLock { s in
            s.entries[key] = entry
            s.held.append(entry)
        }
    }

    /// Writes the held steps, if any, together with the queued events — and the writes carried
    /// from child runs, which are durable before whatever this journal's run does next.
    func writeHeld() async throws {
        let taken = state.withLock { s -> ([JournalWrite], [JournalWrite])? in
            guard !s.held.isEmpty else { return s.carried.isEmpty ? nil : ([], s.takeCarried()) }
            return s.take(steps: s.takeHeld(), tenant: tenant)
        }
        guard let (writes, carried) = taken else { return }
        try await commit(writes, after: carried)
    }

    /// Persists the held steps, if any, the queued events and the run's final state (one write
    /// where the store can). A delegation's child run carries them to its parent's journal when
    /// it is stored already and the parent still executes.
    func finish(_ run: RunRecord) async throws {
        let (writes, carried) = state.withLock { s -> ([JournalWrite], [JournalWrite]) in
            s.ended = true
            var (writes, carried) = s.take(steps: s.takeHeld(), tenant: tenant)
            writes[writes.count - 1].finishing = run
            return (writes, carried)
        }
        if writes[0].creating == nil, let carrier, carrier.carry(carried + writes) { return }
        try await commit(writes, after: carried)
    }

    /// Persists the held steps, if any, and the queued events.
    func flush() async throws {
        let (writes, carried) = state.withLock { s in s.take(steps: s.takeHeld(), tenant: tenant) }
        try await commit(writes, after: carried)
    }

    /// Takes a child run's end, to be stored with this journal's next write; false once this
    /// journal's run has ended (the child then writes it).
    private func carry(_ writes: [JournalWrite]) -> Bool {
        state.withLock { s in
            if s.ended { return false }
            s.carried += writes
            return true
        }
    }

    /// Stores the carried writes, then this journal's writes, in one store write where the store
    /// can; the run is stored from then on.
    private func commit(_ writes: [JournalWrite], after carried: [JournalWrite]) async throws {
        if carried.isEmpty, writes.count == 1 {
            if !writes[0].isEmpty { try await store.write(writes) } // the common case: no copy
        } else {
            let all = carried + writes.filter { !$0.isEmpty }
            if !all.isEmpty { try await store.write(all) }
        }
        if writes.first?.creating != nil { state.withLock { $0.unstored = nil } }
    }
}

extension RunJournal.State {
    /// This journal's next writes — the queued events and the run while unstored with the first
    /// step, then one write per further step (one write even without steps) — and the carried
    /// writes that go before them; the queue and carried writes are emptied. The events go with the
    /// first write: an event of a step is never missing once the step is stored.
    mutating func take(steps: [JournalEntry], tenant: String) -> ([JournalWrite], [JournalWrite]) {
        defer { pending.removeAll(keepingCapacity: true) }
        var writes = [JournalWrite(tenant: tenant, creating: unstored, step: steps.first, events: pending)]
        for step in steps.dropFirst() { writes.append(JournalWrite(tenant: tenant, step: step)) }
        return (writes, takeCarried())
    }

    /// The held steps, emptied.
    mutating func takeHeld() -> [JournalEntry] {
        guard !held.isEmpty else { return [] }
        defer { held.removeAll() }
        return held
    }

    /// The carried writes, emptied.
    mutating func takeCarried() -> [JournalWrite] {
        guard !carried.isEmpty else { return [] }
        defer { carried.removeAll() }
        return carried
    }
}

import AviaryCore
import Synchronization

/// The runs executing in this process, each with its ``RunControl``. Lets the API cancel a run
/// and a graceful shutdown suspend them all at their next step boundary.
public final class ActiveRuns: Sendable {
    private struct Entry {
        let control: RunControl
        /// The run's journal: it holds the run's record until its first write stores it.
        let journal: RunJournal?
        /// The session the run belongs to.
        let sessionID: String?
    }
    private struct Waiter {
        let ids: Set<RunID>
        let continuation: CheckedContinuation<Void, Never>
    }
    private struct State {
        var runs: [RunID: Entry] = [:]
        var suspending = false
        /// Sessions and top-level runs being erased, or erased lately, with when: no run of them
        /// may start executing. A mark outlives its erasure by ``markLifetime``, long enough for a
        /// run that was being created meanwhile to find it; older marks are dropped.
        var erasing: [String: ContinuousClock.Instant] = [:]
        var waiters: [Waiter] = []
    }
    private let state = Mutex(State())

    /// Creates an empty registry.
    public init() {}

    /// Registers a run that starts executing, with its journal, and returns its control; refuses
    /// a run of a session, or a run, that is being erased.
    func register(_ id: RunID, journal: RunJournal? = nil, sessionID: String? = nil) throws(RuntimeError) -> RunControl {
        try state.withLock { state throws(RuntimeError) in
            if let existing = state.runs[id] { return existing.control }
            if let refused = Self.erased(id, sessionID: sessionID, in: state) { throw refused }
            let control = RunControl()
            if state.suspending { control.request(.suspend) }
            state.runs[id] = Entry(control: control, journal: journal, sessionID: sessionID)
            return control
        }
    }

    /// Forgets a run that stopped executing, and wakes the erasures waiting for it.
    func unregister(_ id: RunID) {
        let woken: [CheckedContinuation<Void, Never>] = state.withLock { state in
            state.runs.removeValue(forKey: id)
            let (done, waiting) = state.waiters.reduce(into: ([Waiter](), [Waiter]())) { split, waiter in
                if waiter.ids.contains(where: { state.runs[$0] != nil }) { split.1.append(waiter) } else { split.0.append(waiter) }
            }
            state.waiters = waiting
            return done.map(\.continuation)
        }
        for continuation in woken { continuation.resume() }
    }

    /// How long an erasure's mark is kept after it began.
    static let markLifetime: Duration = .seconds(600)

    /// The error refusing a run of an erased session or an erased run (or a child of one: child
    /// ids start with their top-level run's id and a dot).
    private static func erased(_ id: RunID, sessionID: String?, in state: State) -> RuntimeError? {
        if state.erasing.isEmpty { return nil }
        if let sessionID, state.erasing["session:" + sessionID] != nil {
            return RuntimeError(.erased, "session \(sessionID) is being erased")
        }
        let root = id.rawValue.prefix { $0 != "." }
        if state.erasing["run:" + root] != nil { return RuntimeError(.erased, "run \(root) is being erased") }
        return nil
    }

    /// True once an erasure of the session has begun: no run of it starts any more.
    public func isErasing(session: String) -> Bool { state.withLock { $0.erasing["session:" + session] != nil } }

    /// True when runs of this session (or this run) may no longer start.
    func isErased(_ id: RunID, sessionID: String?) -> Bool {
        state.withLock { Self.erased(id, sessionID: sessionID, in: $0) != nil }
    }

    /// Erasure, first half: from now on no run of the session starts executing here; the runs of
    /// it that execute are asked to stop (cancelled) and this returns once every one has stopped.
    func stopForErasure(session: String) async {
        await stop(mark: "session:" + session) { _, entry in entry.sessionID == session }
    }

    /// Erasure of a run without a session: it and its child runs stop as for a session.
    func stopForErasure(run: RunID) async {
        let prefix = run.rawValue + "."
        await stop(mark: "run:" + run.rawValue) { id, _ in id == run || id.rawValue.hasPrefix(prefix) }
    }

    private func stop(mark: String, _ matches: @escaping (RunID, Entry) -> Bool) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done: Bool = state.withLock { state in
                let now = ContinuousClock.now
                if state.erasing.count >= 1_000 { state.erasing = state.erasing.filter { now - $0.value < Self.markLifetime } }
                state.erasing[mark] = now
                let ids = Set(state.runs.filter { matches($0.key, $0.value) }.keys)
                for id in ids { state.runs[id]?.control.request(.cancel) }
                if ids.isEmpty { return true }
                state.waiters.append(Waiter(ids: ids, continuation: continuation))
                return false
            }
            if done { continuation.resume() }
        }
    }

    /// The journal of a run executing in this process.
    func journal(of id: RunID) -> RunJournal? { state.withLock { $0.runs[id]?.journal } }

    /// True when the run executes in this process.
    public func contains(_ id: RunID) -> Bool { state.withLock { $0.runs[id] != nil } }

    /// The record of an executing run that is not stored yet (a delegation's child before its
    /// first write), as it started; nil once the store has it.
    func unstoredRecord(_ id: RunID) -> RunRecord? { journal(of: id)?.unstoredRun }

    /// True once ``suspendAll()`` was called (graceful shutdown has begun).
    public var isSuspending: Bool { state.withLock { $0.suspending } }

    /// Number of executing runs (child runs included).
    public var count: Int { state.withLock { $0.runs.count } }

    /// Requests a stop of a run and of its delegated child runs (ids `<run>.<step>`).
    /// Returns false when the run does not execute in this process.
    @discardableResult
    public func request(_ reason: RunControl.Stop, for id: RunID) -> Bool {
        let prefix = id.rawValue + "."
        return state.withLock { state in
            var found = false
            for (runID, entry) in state.runs where runID == id || runID.rawValue.hasPrefix(prefix) {
                entry.control.request(reason)
                found = true
            }
            return found
        }
    }

    /// Requests every executing run to stop at its next step boundary (graceful shutdown); runs
    /// that start afterwards stop at their first boundary.
    public func suspendAll() {
        state.withLock { state in
            state.suspending = true
            for entry in state.runs.values { entry.control.request(.suspend) }
        }
    }
}

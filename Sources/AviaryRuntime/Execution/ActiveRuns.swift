import AviaryCore
import Synchronization

/// The runs executing in this process, each with its ``RunControl``. Lets the API cancel a run
/// and a graceful shutdown suspend them all at their next step boundary.
public final class ActiveRuns: Sendable {
    private struct Entry {
        let control: RunControl
        /// The run's journal: it holds the run's record until its first write stores it.
        let journal: RunJournal?
    }
    private struct State {
        var runs: [RunID: Entry] = [:]
        var suspending = false
    }
    private let state = Mutex(State())

    /// Creates an empty registry.
    public init() {}

    /// Registers a run that starts executing, with its journal, and returns its control.
    func register(_ id: RunID, journal: RunJournal? = nil) -> RunControl {
        state.withLock { state in
            if let existing = state.runs[id] { return existing.control }
            let control = RunControl()
            if state.suspending { control.request(.suspend) }
            state.runs[id] = Entry(control: control, journal: journal)
            return control
        }
    }

    /// Forgets a run that stopped executing.
    func unregister(_ id: RunID) {
        _ = state.withLock { $0.runs.removeValue(forKey: id) }
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

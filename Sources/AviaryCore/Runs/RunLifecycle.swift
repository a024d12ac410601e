/// The run status state machine: a value type that validates transitions and says what to do.
///
/// Tested without I/O; the runtime applies the returned action.
public struct RunLifecycle: Sendable, Hashable {
    /// Inputs to the machine.
    public enum Event: Sendable, Hashable, CaseIterable {
        case start, resume, complete, fail, cancel, interruptedUnsafely, pause, suspend
    }

    /// What the runtime must do after a transition.
    public enum Action: Sendable, Hashable {
        /// Execute (or continue executing) the run's steps.
        case execute
        /// Persist the new terminal or paused status; do not execute.
        case persist
        /// The transition is not allowed; report this message.
        case reject(String)
    }

    /// The current status.
    public private(set) var status: RunStatus

    /// Starts from a status (a new run is `.pending`).
    public init(status: RunStatus = .pending) { self.status = status }

    /// Applies an event, returning the action.
    public mutating func handle(_ event: Event) -> Action {
        switch (status, event) {
        case (.pending, .start):
            status = .running
            return .execute
        case (.running, .resume), (.waiting, .resume), (.needsAttention, .resume), (.failed, .resume), (.pending, .resume),
             (.interrupted, .resume):
            status = .running
            return .execute
        case (.running, .complete):
            status = .completed
            return .persist
        case (.running, .fail), (.pending, .fail):
            status = .failed
            return .persist
        case (.running, .interruptedUnsafely):
            status = .needsAttention
            return .persist
        case (.running, .suspend):
            status = .interrupted
            return .persist
        case (.running, .pause):
            status = .waiting
            return .persist
        case (let s, .cancel) where !s.isTerminal:
            status = .cancelled
            return .persist
        case (let s, let e):
            return .reject("cannot \(e) a run that is \(s.rawValue)")
        }
    }
}

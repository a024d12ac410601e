import AviaryCore

/// How one execution of a run ended: the lifecycle event it feeds ``RunLifecycle``, and the
/// event and error the run records. Built from a program's result or from what it threw.
struct RunEnding: Sendable {
    /// What the lifecycle is told.
    let transition: RunLifecycle.Event
    /// The run event that announces it.
    let announcement: RunEvent.Payload
    /// The run's error (`nil` clears it).
    let error: String?
    /// The result, when the program finished.
    let result: RunResult?

    /// The program finished with `result`.
    init(finished result: RunResult) {
        self.init(.complete, .runFinished(RunFinishedEvent(output: result.output, usage: result.usage)), error: nil, result: result)
    }

    /// The program threw `error`: a stop (needs attention, waiting, interrupted, cancelled) or a failure.
    init(thrown error: any Error) {
        switch error {
        case let error as RuntimeError where error.isNeedsAttention:
            self.init(.interruptedUnsafely, .runNeedsAttention(RunNeedsAttentionEvent(error: error.message)), error: error.message)
        case let error as RuntimeError where error.code == .waiting:
            self.init(.pause, .runWaiting(RunWaitingEvent(reason: error.message)), error: nil)
        case let error as RuntimeError where error.code == .interrupted:
            self.init(.suspend, .runInterrupted(RunInterruptedEvent(error: error.message)), error: error.message)
        case let error as RuntimeError where error.code == .cancelled:
            self.init(.cancel, .runCancelled(RunCancelledEvent()), error: "cancelled")
        case is CancellationError:
            // The task was cancelled (process shutting down, caller gone), not the run: keep it resumable.
            let message = "interrupted: the executing task was cancelled; resume to continue"
            self.init(.suspend, .runInterrupted(RunInterruptedEvent(error: message)), error: message)
        default:
            let message = (error as? RuntimeError)?.message ?? (error as? any CallerSafeError)?.callerDescription ?? "\(error)"
            self.init(.fail, .runFailed(RunFailedEvent(error: message)), error: message)
        }
    }

    private init(_ transition: RunLifecycle.Event, _ announcement: RunEvent.Payload, error: String?, result: RunResult? = nil) {
        self.transition = transition
        self.announcement = announcement
        self.error = error
        self.result = result
    }
}

import AviaryCore

/// How one execution of a run ended: the lifecycle event it feeds ``RunLifecycle``, and the
/// event and error the run records. Built from a program's result or from what it threw.
struct RunEnding: Sendable {
    /// What the lifecycle is told.
    let event: RunLifecycle.Event
    /// The run event that announces it.
    let kind: RunEvent.Kind
    /// The run event's data.
    let data: JSONValue
    /// The run's error (`nil` clears it).
    let error: String?
    /// The result, when the program finished.
    let result: RunResult?

    /// The program finished with `result`.
    init(finished result: RunResult) {
        self.init(event: .complete, kind: .runFinished, data: ["output": result.output, "usage": result.usage.json], error: nil,
                  result: result)
    }

    /// The program threw `error`: a stop (needs attention, waiting, interrupted, cancelled) or a failure.
    init(thrown error: any Error) {
        switch error {
        case let error as RuntimeError where error.isNeedsAttention:
            self.init(event: .interruptedUnsafely, kind: .runNeedsAttention, data: ["error": .string(error.message)], error: error.message)
        case let error as RuntimeError where error.code == .waiting:
            self.init(event: .pause, kind: .runWaiting, data: ["reason": .string(error.message)], error: nil)
        case let error as RuntimeError where error.code == .interrupted:
            self.init(event: .suspend, kind: .runInterrupted, data: ["error": .string(error.message)], error: error.message)
        case let error as RuntimeError where error.code == .cancelled:
            self.init(event: .cancel, kind: .runCancelled, data: [:], error: "cancelled")
        case is CancellationError:
            // The task was cancelled (process shutting down, caller gone), not the run: keep it resumable.
            let message = "interrupted: the executing task was cancelled; resume to continue"
            self.init(event: .suspend, kind: .runInterrupted, data: ["error": .string(message)], error: message)
        default:
            let message = (error as? RuntimeError)?.message ?? (error as? any CallerSafeError)?.callerDescription ?? "\(error)"
            self.init(event: .fail, kind: .runFailed, data: ["error": .string(message)], error: message)
        }
    }

    private init(event: RunLifecycle.Event, kind: RunEvent.Kind, data: JSONValue, error: String?, result: RunResult? = nil) {
        self.event = event
        self.kind = kind
        self.data = data
        self.error = error
        self.result = result
    }
}

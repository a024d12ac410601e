import AviaryCore
import Foundation

/// A tool call that ran past its ``ToolPolicy/timeout``: the runtime abandoned it, and its task
/// may still be running (distinct from a ``ToolError/timeout(_:)`` a tool reports itself after
/// stopping its own work).
struct ToolDeadlineExceeded: Error {
    /// The limit, in seconds.
    let seconds: Double
    /// What the model sees when the call is not retried.
    var toolError: ToolError { ToolError.timeout("timed out after \(seconds.formatted())s") }
}

/// Runs `operation` with a wall-clock limit. On timeout the operation's task is cancelled and
/// the caller gets ``ToolDeadlineExceeded`` at once, even if the operation ignores cancellation.
func withDeadline<T: Sendable>(seconds: Double, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withTimeLimit(.seconds(seconds), timeout: { ToolDeadlineExceeded(seconds: seconds) }, operation)
}

/// Runs `operation` in its own task with a wall-clock limit: when `limit` passes first, the task is
/// cancelled and the caller gets `timeout()` at once, even if the operation ignores cancellation.
/// The timer is the event loop's own when there is one (``LoopTimer``).
package func withTimeLimit<T: Sendable>(_ limit: Duration, timeout: @escaping @Sendable () -> any Error,
                                        _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    let gate = ResumeOnce<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            gate.set(continuation)
            let work = Task {
                do { gate.resume(with: .success(try await operation())) } catch { gate.resume(with: .failure(error)) }
            }
            let timer = LoopTimer(after: limit) {
                gate.resume(with: .failure(timeout()))
                work.cancel()
            }
            gate.onFinish { timer.cancel() }
        }
    } onCancel: {
        gate.resume(with: .failure(CancellationError()))
    }
}

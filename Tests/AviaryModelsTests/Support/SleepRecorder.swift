import AviaryModels
import Synchronization

/// Records the waits a ``RetryPolicy`` asks for instead of sleeping.
final class SleepRecorder: Sendable {
    private let sleeps = Mutex<[Duration]>([])

    var recorded: [Duration] { sleeps.withLock { $0 } }

    /// A policy with `maxAttempts` that records sleeps and uses a fixed jitter of `random`.
    func policy(maxAttempts: Int = 3, random: Double = 0.5, maxRetryAfter: Duration = .seconds(60)) -> RetryPolicy {
        RetryPolicy(maxAttempts: maxAttempts, maxRetryAfter: maxRetryAfter,
                    sleep: { [self] duration in self.sleeps.withLock { $0.append(duration) } },
                    random: { random })
    }
}

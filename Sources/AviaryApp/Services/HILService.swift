import AviaryWorkflows
import Foundation
import Logging
import ServiceLifecycle

/// A `Service` of `aviary serve` that keeps human-in-the-loop conversations moving: at start and
/// then every `interval` it finishes AI turns a stopped process left behind
/// (``ConversationOrchestrator/recover(limit:minimumAge:)``; turns younger than 10 s may
/// belong to a request of this process that is about to start their run), reports conversations waiting past their SLA
/// and drains the queue onto agents with room (``ConversationOrchestrator/maintain(now:)``).
/// Assignments happen as soon as capacity frees up anyway; this pass is the safety net for
/// changes made by other processes and for the SLA clock.
public struct HILService<C: Clock>: Service where C.Duration == Duration {
    private let orchestrator: ConversationOrchestrator
    private let interval: Duration
    private let clock: C
    private let now: @Sendable () -> Date
    private let logger: Logger

    /// Creates the service.
    public init(orchestrator: ConversationOrchestrator, interval: Duration, clock: C, now: @escaping @Sendable () -> Date = { Date() },
                logger: Logger = Logger(label: "aviary.hil")) {
        self.orchestrator = orchestrator
        self.interval = interval
        self.clock = clock
        self.now = now
        self.logger = logger
    }

    /// Passes once per interval until graceful shutdown or cancellation.
    public func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            await pass()
            let clock = self.clock, interval = self.interval
            do { try await cancelWhenGracefulShutdown { try await clock.sleep(for: interval) } } catch { break }
        }
    }

    /// One pass: recovery, SLA and drain. Failures are logged; the next pass tries again.
    public func pass() async {
        do {
            let settled = try await orchestrator.recover(minimumAge: 10)
            if !settled.isEmpty { logger.info("finished \(settled.count) AI turn(s) of conversations left by a stopped process") }
            try await orchestrator.maintain(now: now())
        } catch {
            logger.warning("conversation maintenance failed; retrying next pass", metadata: ["error": .string("\(error)")])
        }
    }
}

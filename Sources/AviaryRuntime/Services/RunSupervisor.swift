import AviaryCore
import Logging
import ServiceLifecycle
import Synchronization

/// A `Service` that executes runs outside the tasks of the requests that asked for them, so a
/// caller can stop waiting (timeout, disconnect) while the run goes on durably. On graceful
/// shutdown it stops accepting work and asks every executing run to stop at its next step
/// boundary (``RunStatus/interrupted``, resumable), then returns once they have.
///
/// It also keeps the runtime's run leases (``RunLeasing``): every third of the lease duration it
/// renews the leases of the runs executing here (until the last has stopped, after shutdown too)
/// and claims and resumes runs whose lease expired — runs left `running` by a process that died.
public final class RunSupervisor: Service, Sendable {
    /// Why work was refused.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        /// The explanation.
        public let description: String
    }

    private typealias Job = @Sendable () async -> Void
    private let runtime: AgentRuntime
    private let logger: Logger
    private let jobs: AsyncStream<Job>
    private let continuation: AsyncStream<Job>.Continuation
    private let accepting = Mutex(true)
    private let resumeInterrupted: Bool
    private let clock: any Clock<Duration>

    /// Creates a supervisor for a runtime's runs. With `resumeInterrupted` it first claims and
    /// resumes the runs a previous graceful shutdown left `interrupted`, and later those whose
    /// process died (top-level runs; their delegated child runs resume with them). `clock` paces
    /// the lease renewals (default: the continuous clock).
    public init(runtime: AgentRuntime, resumeInterrupted: Bool = true, clock: any Clock<Duration> = ContinuousClock(),
                logger: Logger = Logger(label: "aviary.runs")) {
        self.runtime = runtime
        self.clock = clock
        self.resumeInterrupted = resumeInterrupted
        self.logger = logger
        (jobs, continuation) = AsyncStream<Job>.makeStream()
    }

    /// Starts `work` in the supervisor's task group and returns its ticket.
    /// Throws ``Refusal`` once shutdown has begun.
    public func submit<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws(Refusal) -> RunTicket<T> {
        let ticket = RunTicket<T>()
        let job: Job = {
            do { ticket.complete(.success(try await work())) } catch { ticket.complete(.failure(error)) }
        }
        let accepted = accepting.withLock { open -> Bool in
            guard open else { return false }
            if case .enqueued = continuation.yield(job) { return true }
            return false
        }
        guard accepted else { throw Refusal(description: "the server is shutting down and accepts no new runs") }
        return ticket
    }

    /// Resumes interrupted runs (when enabled), then executes submitted work until graceful
    /// shutdown, and drains.
    public func run() async throws {
        let keeper = Task { await self.keepLeases() }
        defer { keeper.cancel() }
        await withDiscardingTaskGroup { group in
            if resumeInterrupted { await recover(into: &group) }
            await withGracefulShutdownHandler {
                for await job in jobs { group.addTask { await job() } }
            } onGracefulShutdown: {
                self.beginShutdown()
            }
        }
        logger.info("run supervisor stopped", metadata: ["active_runs": "\(runtime.activeRuns.count)"])
    }

    private func recover(into group: inout DiscardingTaskGroup) async {
        let claimed: [RunRecord]
        do { claimed = try await runtime.runs.claimInterruptedRuns(limit: 10_000, lease: runtime.leasing.lease()) } catch {
            logger.error("cannot claim interrupted runs", metadata: ["error": "\(error)"])
            return
        }
        if !claimed.isEmpty { logger.info("resuming runs interrupted by the last shutdown", metadata: ["runs": "\(claimed.count)"]) }
        for run in claimed {
            let runtime = self.runtime, logger = self.logger
            group.addTask {
                do { _ = try await runtime.resume(run.id, tenant: run.tenant) } catch {
                    logger.error("resuming an interrupted run failed", metadata: ["run_id": "\(run.id)", "error": "\(error)"])
                }
            }
        }
    }

    /// Renews this process's leases and recovers abandoned runs every third of the lease duration,
    /// until cancelled (after the last run here has stopped).
    private func keepLeases() async {
        let interval = runtime.leasing.duration / 3
        while !Task.isCancelled {
            do { try await clock.sleep(for: interval) } catch { return }
            await renewLeases()
            if resumeInterrupted { await recoverAbandonedRuns() }
            await expireApprovals()
        }
    }

    /// Extends the leases of the runs executing here (the heartbeat).
    public func renewLeases() async {
        let leasing = runtime.leasing
        do {
            try await runtime.runs.renewLeases(owner: leasing.owner, expiresAt: leasing.lease().expiresAt)
        } catch {
            logger.error("cannot renew run leases", metadata: ["error": "\(error)"])
        }
    }

    /// Claims the top-level runs whose lease expired (their process died) and resumes them here;
    /// returns the runs claimed. Nothing is claimed once shutdown has begun.
    @discardableResult
    public func recoverAbandonedRuns(limit: Int = 100) async -> [RunRecord] {
        guard accepting.withLock({ $0 }) else { return [] }
        let claimed: [RunRecord]
        do {
            claimed = try await runtime.runs.claimAbandonedRuns(limit: limit, lease: runtime.leasing.lease(), now: runtime.leasing.now)
        } catch {
            logger.error("cannot claim abandoned runs", metadata: ["error": "\(error)"])
            return []
        }
        for run in claimed {
            logger.warning("resuming a run whose process stopped renewing its lease",
                           metadata: ["run_id": "\(run.id)", "tenant": "\(run.tenant)"])
            resumeInBackground(run, after: "its process stopped renewing its lease") { try await $0.resume(run.id, tenant: run.tenant) }
        }
        return claimed
    }

    /// Answers the approval requests whose expiry passed (``AgentRuntime/expireApprovals(limit:)``)
    /// and resumes their runs here; returns the runs answered. Nothing once shutdown has begun.
    @discardableResult
    public func expireApprovals() async -> [RunRecord] {
        guard accepting.withLock({ $0 }) else { return [] }
        let expired: [RunRecord]
        do { expired = try await runtime.expireApprovals() } catch {
            logger.error("cannot expire approval requests", metadata: ["error": "\(error)"])
            return []
        }
        for run in expired {
            logger.info("an approval request expired unanswered", metadata: ["run_id": "\(run.id)", "tenant": "\(run.tenant)"])
            resumeInBackground(run, after: "an approval expired") { try await $0.resumeAnswered(run.id, tenant: run.tenant) }
        }
        return expired
    }

    /// Submits `resume` as work of this supervisor, logging its failure; once shutdown has begun
    /// the run is left to another process (its lease expires).
    private func resumeInBackground(_ run: RunRecord, after why: String,
                                    _ resume: @escaping @Sendable (AgentRuntime) async throws -> RunRecord) {
        let runtime = self.runtime, logger = self.logger
        do {
            _ = try submit {
                do { _ = try await resume(runtime) } catch {
                    logger.error("resuming a run failed", metadata: ["run_id": "\(run.id)", "after": "\(why)", "error": "\(error)"])
                }
            }
        } catch {
            logger.info("shutdown began: the run stays for another process", metadata: ["run_id": "\(run.id)"])
        }
    }

    /// Stops accepting work and asks executing runs to stop at their next step boundary.
    public func beginShutdown() {
        let first = accepting.withLock { open -> Bool in
            defer { open = false }
            return open
        }
        guard first else { return }
        let active = runtime.activeRuns.count
        logger.info("graceful shutdown: suspending executing runs at their next step boundary", metadata: ["active_runs": "\(active)"])
        runtime.activeRuns.suspendAll()
        continuation.finish()
    }
}

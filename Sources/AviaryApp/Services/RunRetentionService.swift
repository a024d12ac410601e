import AviaryStorage
import Foundation
import Logging
import ServiceLifecycle

/// A `Service` that prunes finished runs by a ``RetentionPolicy``: once when it starts, then every
/// ``RetentionPolicy/interval`` of `clock`, it deletes the events and journals of the runs that
/// ended `completed` or `cancelled` longer ago than their tenant's period
/// (``SQLStore/pruneRuns(endedBefore:tenant:excludingTenants:)``), keeping the run rows. A failed
/// pruning is logged and the service goes on; it ends on graceful shutdown or cancellation (a
/// pruning under way finishes first).
public struct RunRetentionService<C: Clock>: Service where C.Duration == Duration {
    private let policy: RetentionPolicy
    private let store: SQLStore
    private let clock: C
    private let now: @Sendable () -> Date
    private let logger: Logger

    /// Creates the service. `clock` paces the passes and `now` gives the wall-clock time the
    /// cutoffs are computed from (tests drive both).
    public init(policy: RetentionPolicy, store: SQLStore, clock: C, now: @escaping @Sendable () -> Date = { Date() },
                logger: Logger = Logger(label: "aviary.retention")) {
        self.policy = policy
        self.store = store
        self.clock = clock
        self.now = now
        self.logger = logger
    }

    /// Prunes once, then once per interval until graceful shutdown or cancellation.
    public func run() async throws {
        logger.info("run retention: pruning finished runs' events and journals", metadata: [
            "interval_seconds": "\(policy.interval.components.seconds)", "finished_runs": "\(Self.describe(policy.finishedRuns))",
            "tenants": "\(policy.tenants.sorted { $0.key < $1.key }.map { "\($0.key): \(Self.describe($0.value))" }.joined(separator: ", "))",
        ])
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            await prune()
            let clock = self.clock, interval = policy.interval
            do { try await cancelWhenGracefulShutdown { try await clock.sleep(for: interval) } } catch { break }
        }
        logger.debug("run retention stopped")
    }

    /// One pass: every sweep of the policy at `now()`, in order. A sweep that fails is logged and
    /// the others still run. Returns what was deleted in total.
    @discardableResult
    public func prune() async -> RunPruning {
        var events = 0, journalEntries = 0
        for sweep in policy.sweeps(at: now()) {
            var metadata: Logger.Metadata = [
                "tenant": "\(sweep.tenant ?? "*")", "ended_before": "\(sweep.endedBefore.formatted(Date.ISO8601FormatStyle()))",
            ]
            if sweep.tenant == nil, !sweep.excludedTenants.isEmpty { metadata["excluded_tenants"] = "\(sweep.excludedTenants.sorted().joined(separator: ","))" }
            do {
                let pruned = try await store.pruneRuns(endedBefore: sweep.endedBefore, tenant: sweep.tenant, excludingTenants: sweep.excludedTenants)
                events += pruned.events
                journalEntries += pruned.journalEntries
                metadata["events"] = "\(pruned.events)"
                metadata["journal_entries"] = "\(pruned.journalEntries)"
                let level: Logger.Level = pruned.events + pruned.journalEntries > 0 ? .info : .debug
                logger.log(level: level, "run retention: pruned finished runs", metadata: metadata)
            } catch {
                metadata["error"] = "\(error)"
                logger.error("run retention: pruning failed; trying again at the next interval", metadata: metadata)
            }
        }
        return RunPruning(events: events, journalEntries: journalEntries)
    }

    private static func describe(_ period: RetentionPolicy.Period) -> String {
        switch period {
        case .unlimited: "unlimited"
        case .olderThan(let seconds): "\(Int(seconds))s"
        }
    }
}

extension RunRetentionService where C == ContinuousClock {
    /// Creates the service on the continuous clock and the system's time.
    public init(policy: RetentionPolicy, store: SQLStore, logger: Logger = Logger(label: "aviary.retention")) {
        self.init(policy: policy, store: store, clock: ContinuousClock(), logger: logger)
    }
}

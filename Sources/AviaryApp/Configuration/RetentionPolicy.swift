import Foundation

/// How long finished runs keep their events and journals (`retention:` in `aviary.yaml`), applied
/// by ``RunRetentionService`` while `aviary serve` runs. Pruning deletes the events and journal of
/// runs that ended `completed` or `cancelled` longer ago than the period; the run rows keep their
/// outcome, usage and cost, and runs that can still be resumed keep everything.
///
/// ```yaml
/// retention:
///   finished_runs: 30d                        # every tenant without an override; default: keep forever
///   tenants: {acme: 7d, beta: unlimited}      # per-tenant periods
///   interval_seconds: 3600                    # how often to prune; default 1 hour
/// ```
public struct RetentionPolicy: Sendable, Hashable {
    /// How long a finished run keeps its events and journal.
    public enum Period: Sendable, Hashable {
        /// Forever: never pruned.
        case unlimited
        /// Pruned once the run ended more than this many seconds ago.
        case olderThan(TimeInterval)
    }

    /// The period of every tenant without one of its own in ``tenants``. Default ``Period/unlimited``.
    public var finishedRuns: Period
    /// Periods of single tenants, overriding ``finishedRuns`` for them (``Period/unlimited``
    /// exempts a tenant from a default period). Default: none.
    public var tenants: [String: Period]
    /// How often ``RunRetentionService`` prunes; it also prunes once when it starts. Default 1 hour.
    public var interval: Duration

    /// Creates a policy; the defaults keep everything forever.
    public init(finishedRuns: Period = .unlimited, tenants: [String: Period] = [:], interval: Duration = .seconds(3_600)) {
        self.finishedRuns = finishedRuns
        self.tenants = tenants
        self.interval = interval
    }

    /// Whether any period is limited, so that `aviary serve` needs to run ``RunRetentionService``.
    public var prunesAnything: Bool { !sweeps(at: Date()).isEmpty }

    /// The prunings of one pass at `now`: one per tenant with a limited period of its own (in
    /// tenant order), then, with a limited ``finishedRuns``, one over every tenant except those
    /// with a period of their own.
    public func sweeps(at now: Date) -> [Sweep] {
        var sweeps: [Sweep] = tenants.sorted { $0.key < $1.key }.compactMap { tenant, period in
            guard case .olderThan(let age) = period else { return nil }
            return Sweep(tenant: tenant, excludedTenants: [], endedBefore: now.addingTimeInterval(-age))
        }
        if case .olderThan(let age) = finishedRuns {
            sweeps.append(Sweep(tenant: nil, excludedTenants: Set(tenants.keys), endedBefore: now.addingTimeInterval(-age)))
        }
        return sweeps
    }
}

extension RetentionPolicy {
    /// One pruning of a pass: the finished runs of one tenant (or of every tenant but
    /// ``excludedTenants``) that ended before ``endedBefore``.
    public struct Sweep: Sendable, Hashable {
        /// The tenant pruned; `nil` for every tenant but ``excludedTenants``.
        public var tenant: String?
        /// Tenants left alone (those with a period of their own), when ``tenant`` is `nil`.
        public var excludedTenants: Set<String>
        /// Runs that ended before this instant are pruned.
        public var endedBefore: Date

        /// Creates a sweep.
        public init(tenant: String?, excludedTenants: Set<String>, endedBefore: Date) {
            self.tenant = tenant
            self.excludedTenants = excludedTenants
            self.endedBefore = endedBefore
        }
    }
}

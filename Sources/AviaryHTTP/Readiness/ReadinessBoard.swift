/// The readiness checks `GET /ready` runs: local checks on every request, remote probes through
/// their ``CachedReadinessProbe``.
struct ReadinessBoard: Sendable {
    /// One check's outcome.
    struct Result: Sendable {
        let name: String
        let status: ReadinessCheck.Status
        let detail: String
    }

    private let local: [ReadinessCheck]
    private let probes: [CachedReadinessProbe]

    /// A board over `checks`, caching remote probes for `probeTTL`.
    init(checks: [ReadinessCheck], probeTTL: Duration) {
        local = checks.filter { !$0.isRemoteProbe }
        probes = checks.filter(\.isRemoteProbe).map { CachedReadinessProbe($0, ttl: probeTTL) }
    }

    /// Every check's outcome, run concurrently.
    func run() async -> [Result] {
        await withTaskGroup(of: Result.self) { group in
            for check in local {
                group.addTask {
                    let (status, detail) = await check.check()
                    return Result(name: check.name, status: status, detail: detail)
                }
            }
            for probe in probes {
                group.addTask {
                    let outcome = await probe.outcome()
                    return Result(name: probe.check.name, status: outcome.status, detail: outcome.detail)
                }
            }
            var results: [Result] = []
            for await result in group { results.append(result) }
            return results
        }
    }
}

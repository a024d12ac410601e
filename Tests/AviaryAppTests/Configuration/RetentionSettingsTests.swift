@testable import AviaryApp
import AviaryTestSupport
import Foundation
import Testing

/// `retention:` in aviary.yaml: how long finished runs keep their events and journals, per tenant.
@Suite("Configuration: retention")
struct RetentionSettingsTests {
    static let day: TimeInterval = 86_400

    func load(_ yaml: String?, in dir: URL) throws -> RetentionPolicy {
        let file = dir.appendingPathComponent("aviary.yaml")
        if let yaml { try yaml.write(to: file, atomically: true, encoding: .utf8) } else { try? FileManager.default.removeItem(at: file) }
        return try ConfigurationLoader(environment: [:]).load(project: dir).retention
    }

    @Test func defaultKeepsEverythingAndTheFileSetsPeriods() async throws {
        try await withTemporaryDirectory { dir in
            let defaults = try load(nil, in: dir)
            #expect(defaults == RetentionPolicy(finishedRuns: .unlimited, tenants: [:], interval: .seconds(3_600)))
            #expect(!defaults.prunesAnything, "no period: aviary serve runs no retention service")

            let policy = try load("""
                retention:
                  finished_runs: 30d
                  tenants: {acme: 7d, beta: unlimited, initech: 12h}
                  interval_seconds: 600
                """, in: dir)
            #expect(policy == RetentionPolicy(finishedRuns: .olderThan(30 * Self.day),
                                              tenants: ["acme": .olderThan(7 * Self.day), "beta": .unlimited, "initech": .olderThan(12 * 3_600)],
                                              interval: .seconds(600)))
            #expect(policy.prunesAnything)

            let onlyTenant = try load("retention: {tenants: {acme: 90m}}\n", in: dir)
            #expect(onlyTenant == RetentionPolicy(tenants: ["acme": .olderThan(5_400)]))
            #expect(onlyTenant.prunesAnything, "one tenant's period is enough")
            #expect(!(try load("retention: {finished_runs: unlimited, tenants: {beta: UNLIMITED}}\n", in: dir)).prunesAnything)
            #expect(try load("retention: {finished_runs: null}\n", in: dir) == RetentionPolicy())
        }
    }

    @Test(arguments: [
        ("retention: {keep: 30d}", "retention.keep"),
        ("retention: {finished_runs: 30}", "retention.finished_runs"),
        ("retention: {finished_runs: 30x}", "retention.finished_runs"),
        ("retention: {finished_runs: 0d}", "retention.finished_runs"),
        ("retention: {finished_runs: forever}", "retention.finished_runs"),
        ("retention: {finished_runs: 36501d}", "retention.finished_runs"),
        ("retention: {finished_runs: [30d]}", "retention.finished_runs"),
        ("retention: {tenants: [acme]}", "retention.tenants"),
        ("retention: {tenants: {acme: 7}}", "retention.tenants.acme"),
        ("retention: {tenants: {acme: -7d}}", "retention.tenants.acme"),
        ("retention: {interval_seconds: 0}", "retention.interval_seconds"),
        ("retention: {interval_seconds: 1e300}", "retention.interval_seconds"),
        ("retention: {interval_seconds: 1h}", "retention.interval_seconds"),
        ("retention: 30d", "retention"),
    ])
    func badInputIsRefusedByName(_ yaml: String, _ key: String) async throws {
        try await withTemporaryDirectory { dir in
            let error = #expect(throws: ConfigurationError.self) { try load(yaml + "\n", in: dir) }
            #expect(error?.description.contains(key) == true, "\(error?.description ?? "no error")")
        }
    }

    @Test func sweepsPruneEachOverrideAndTheDefaultForEveryOtherTenant() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let policy = RetentionPolicy(finishedRuns: .olderThan(30 * Self.day), tenants: ["beta": .unlimited, "acme": .olderThan(7 * Self.day)])
        #expect(policy.sweeps(at: now) == [
            RetentionPolicy.Sweep(tenant: "acme", excludedTenants: [], endedBefore: now.addingTimeInterval(-7 * Self.day)),
            RetentionPolicy.Sweep(tenant: nil, excludedTenants: ["acme", "beta"], endedBefore: now.addingTimeInterval(-30 * Self.day)),
        ])
        let tenantsOnly = RetentionPolicy(tenants: ["beta": .unlimited, "acme": .olderThan(60)])
        #expect(tenantsOnly.sweeps(at: now) == [RetentionPolicy.Sweep(tenant: "acme", excludedTenants: [], endedBefore: now.addingTimeInterval(-60))])
        #expect(RetentionPolicy().sweeps(at: now).isEmpty)
    }
}

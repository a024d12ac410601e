import AviaryApp
import AviaryCore
import AviaryStorage
import AviaryTestSupport
import Foundation
import Logging
import ServiceLifecycle
import SQLKit
import Testing

/// `RunRetentionService` prunes finished runs by the retention policy on a real store, driven by a
/// manual clock: each tenant by its own period, every other tenant by the default.
@Suite("Run retention service")
struct RunRetentionServiceTests {
    static let day: TimeInterval = 86_400
    /// The wall-clock time when the manual clock reads zero.
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let policy = RetentionPolicy(finishedRuns: .olderThan(30 * day), tenants: ["acme": .olderThan(7 * day), "beta": .unlimited],
                                        interval: .seconds(3_600))

    /// SQLite always; PostgreSQL too when the test server is configured (CI).
    static var backends: [String] { FreshPostgresDatabase.serverURL == nil ? ["sqlite"] : ["sqlite", "postgres"] }

    /// Runs `body` with a store over a fresh database of `backend`.
    func withStore(_ backend: String, _ body: (SQLStore) async throws -> Void) async throws {
        if backend == "postgres" {
            try await FreshPostgresDatabase.with { url in
                try await AviaryDatabase.withDatabase(StorageConfiguration(url: url)) { try await body($0.store) }
            }
        } else {
            try await withTemporaryDirectory { dir in
                let path = dir.appendingPathComponent("aviary.sqlite").path
                try await AviaryDatabase.withDatabase(StorageConfiguration(sqlitePath: path)) { try await body($0.store) }
            }
        }
    }

    /// A run of `tenant` that ended `status` `age` seconds before ``start``, with one journal entry and two events.
    func run(_ tenant: String, ended age: TimeInterval, _ status: RunStatus = .completed, in store: SQLStore) async throws -> RunRecord {
        let at = Self.start.addingTimeInterval(-age)
        let run = RunRecord(id: RunID("run_" + UUID().uuidString.prefix(8).lowercased()), tenant: tenant, principal: "alice", agent: "support",
                            input: ["question": "status of c42?"], status: status, createdAt: at, updatedAt: at)
        try await store.createRun(run)
        try await store.updateRun(run)
        try await store.record(JournalEntry(runID: run.id, key: "turn/1/model", state: .completed, output: "ok", updatedAt: at), tenant: tenant,
                               events: [1, 2].map { RunEvent(runID: run.id, sequence: $0, timestamp: at, tenant: tenant, kind: .toolStarted, data: [:]) })
        return run
    }

    func isPruned(_ run: RunRecord, _ store: SQLStore) async throws -> Bool {
        let events = try await store.loadEvents(run.id, tenant: run.tenant).count
        let journal = try await store.loadJournal(run.id, tenant: run.tenant).count
        let row = try #require(try await store.loadRun(run.id, tenant: run.tenant), "the run row stays")
        #expect(row.status == run.status)
        #expect((events == 0) == (journal == 0), "events and journal go together")
        return events == 0
    }

    /// Runs `service` in a service group for `body`, then shuts the group down gracefully and
    /// waits for it to end.
    func running(_ service: some Service, _ body: () async throws -> Void) async throws {
        let group = ServiceGroup(configuration: .init(services: [.init(service: service)], logger: Logger(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do { try await body() } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test(arguments: Self.backends)
    func prunesEachTenantByItsPeriodEveryInterval(_ backend: String) async throws {
        try await withStore(backend) { store in
            let minute: TimeInterval = 60
            let acmeOld = try await run("acme", ended: 8 * Self.day, in: store)
            let acmeSoon = try await run("acme", ended: 7 * Self.day - 30 * minute, in: store)
            let acmeFailed = try await run("acme", ended: 40 * Self.day, .failed, in: store)
            let betaOld = try await run("beta", ended: 400 * Self.day, in: store)
            let globexOld = try await run("globex", ended: 31 * Self.day, .cancelled, in: store)
            let globexSoon = try await run("globex", ended: 30 * Self.day - 30 * minute, in: store)
            let globexRecent = try await run("globex", ended: 8 * Self.day, in: store)
            let globexInterrupted = try await run("globex", ended: 40 * Self.day, .interrupted, in: store)

            let clock = ManualClock()
            let records = RecordingLogHandler.Records()
            let service = RunRetentionService(policy: Self.policy, store: store, clock: clock,
                                              now: { Self.start.addingTimeInterval(TimeInterval(clock.elapsed.components.seconds)) },
                                              logger: RecordingLogHandler.logger(records))
            try await running(service) { () async throws in
                // the first pass runs at start; the service sleeps once it is done
                await clock.sleepers(atLeast: 1)
                #expect(try await isPruned(acmeOld, store), "acme: older than its own 7 days")
                #expect(try await isPruned(globexOld, store), "globex: older than the default 30 days")
                for kept in [acmeSoon, acmeFailed, betaOld, globexSoon, globexRecent, globexInterrupted] {
                    #expect(try await !isPruned(kept, store), "\(kept.tenant) \(kept.status) \(kept.updatedAt)")
                }
                let pruned = records.all.filter { $0.level == .info && $0.message.contains("pruned") }
                #expect(pruned.map { $0.metadata["tenant"] } == ["acme", "*"])
                #expect(pruned.map { $0.metadata["events"] } == ["2", "2"])
                #expect(pruned.last?.metadata["excluded_tenants"] == "acme,beta")

                // an hour later the runs that ended within 30 minutes of the cutoffs have passed them
                clock.advance(by: .seconds(3_600))
                await clock.sleepers(atLeast: 1)
                #expect(try await isPruned(acmeSoon, store))
                #expect(try await isPruned(globexSoon, store))
                for kept in [acmeFailed, betaOld, globexRecent, globexInterrupted] {
                    #expect(try await !isPruned(kept, store), "\(kept.tenant) \(kept.status)")
                }

                // nothing left to prune: logged below info
                let before = records.all.filter { $0.level == .info }.count
                clock.advance(by: .seconds(3_600))
                await clock.sleepers(atLeast: 1)
                #expect(records.all.filter { $0.level == .info }.count == before)
                #expect(records.all.filter { $0.level == .debug && $0.message.contains("pruned") }.count == 2)
            }
            #expect(records.all.contains { $0.message.contains("stopped") }, "graceful shutdown ends the service")
        }
    }

    @Test func failuresAreLoggedAndTheServiceGoesOn() async throws {
        try await withStore("sqlite") { store in
            let old = try await run("globex", ended: 40 * Self.day, in: store)
            try await store.database.raw("DROP TABLE run_events").run()
            let clock = ManualClock()
            let records = RecordingLogHandler.Records()
            let service = RunRetentionService(policy: Self.policy, store: store, clock: clock, now: { Self.start },
                                              logger: RecordingLogHandler.logger(records))
            try await running(service) { () async throws in
                await clock.sleepers(atLeast: 1)
                let errors = records.all.filter { $0.level == .error }
                #expect(errors.map { $0.metadata["tenant"] } == ["acme", "*"], "each sweep fails on its own")
                #expect(try await store.loadJournal(old.id, tenant: "globex").count == 1, "the failed sweep's transaction rolled back")
                clock.advance(by: .seconds(3_600))
                await clock.sleepers(atLeast: 1)
                #expect(records.all.filter { $0.level == .error }.count == 4, "tried again at the next interval")
            }
        }
    }

    @Test func gracefulShutdownEndsTheServiceWhileItSleeps() async throws {
        try await withStore("sqlite") { store in
            let clock = ManualClock()
            let records = RecordingLogHandler.Records()
            let service = RunRetentionService(policy: Self.policy, store: store, clock: clock, now: { Self.start },
                                              logger: RecordingLogHandler.logger(records))
            let group = ServiceGroup(configuration: .init(services: [.init(service: service)], logger: Logger(label: "test")))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                await clock.sleepers(atLeast: 1)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            #expect(clock.elapsed == .zero, "it ended without the clock moving")
            #expect(records.all.contains { $0.message.contains("stopped") })
        }
    }
}

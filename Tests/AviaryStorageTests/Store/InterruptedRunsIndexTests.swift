import Foundation
import AviaryCore
@testable import AviaryStorage
import SQLKit
import Testing

/// Migration 0006: claiming interrupted runs at server start reads a partial index, not every run.
@Suite("Interrupted runs index")
struct InterruptedRunsIndexTests {
    @Test(arguments: Backend.all)
    func theMigrationCreatesThePartialIndex(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let definitions = try await store.indexDefinitions("runs_interrupted", backend: backend)
            #expect(definitions.count == 1)
            #expect(definitions.first?.contains("interrupted") == true, "\(definitions)")
        }
    }

    /// SQLite's plan for the claim's candidates, among many finished runs of several tenants: a
    /// search of `runs_interrupted`, no scan of `runs` and no sort.
    @Test func sqliteReadsTheIndexInsteadOfScanningRuns() async throws {
        try await withStore(.sqlite) { store in
            for i in 0..<50 {
                try await store.createRun(Fixtures.run(tenant: "t\(i % 3)", status: i % 10 == 0 ? .interrupted : .completed, at: i))
            }
            let plan = try await store.database.raw(SQLQueryString("EXPLAIN QUERY PLAN " + SQLStore.interruptedRunsOldestFirst))
                .all().map { try $0.decode(column: "detail", as: String.self) }
            #expect(plan.contains { $0.contains("runs_interrupted") }, "\(plan)")
            #expect(!plan.contains { $0.hasPrefix("SCAN runs") && !$0.contains("INDEX") }, "\(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
            #expect(try await store.claimInterruptedRuns(limit: 100, lease: RunLease(owner: "p", expiresAt: Date().addingTimeInterval(30))).count == 5)
        }
    }
}

import AviaryCore
@testable import AviaryStorage
import SQLKit
import Testing

/// Migration 0007: `runs_tenant_session` holds only runs in a session, and a session's queries
/// still read it.
@Suite("Session runs index")
struct SessionRunsIndexTests {
    @Test(arguments: Backend.all)
    func theIndexLeavesRunsWithoutASessionOut(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let definitions = try await store.indexDefinitions("runs_tenant_session", backend: backend)
            #expect(definitions.count == 1)
            #expect(definitions.first?.lowercased().contains("where (session_id is not null)") == true
                    || definitions.first?.lowercased().contains("where session_id is not null") == true, "\(definitions)")
        }
    }

    /// Among many runs without a session, a session's runs are found through the index (no
    /// scan of `runs`), newest first, and deleting the session's runs finds them the same way.
    @Test func sqliteSearchesTheIndexForASessionsRuns() async throws {
        try await withStore(.sqlite) { store in
            for i in 0..<40 {
                try await store.createRun(Fixtures.run(tenant: "acme", session: i % 8 == 0 ? "s1" : nil, at: i))
            }
            let listing = "SELECT * FROM runs WHERE tenant_id = 'acme' AND session_id = 's1' ORDER BY created_at DESC, id DESC LIMIT 50"
            for query in [listing, "SELECT id FROM runs WHERE session_id = 's1' AND tenant_id = 'acme'"] {
                let plan = try await store.database.raw(SQLQueryString("EXPLAIN QUERY PLAN " + query))
                    .all().map { try $0.decode(column: "detail", as: String.self) }
                #expect(plan.contains { $0.contains("runs_tenant_session") }, "\(plan)")
                #expect(!plan.contains { $0.hasPrefix("SCAN runs") && !$0.contains("INDEX") }, "\(plan)")
            }
            let runs = try await store.listRuns(RunQuery(tenant: "acme", sessionID: "s1"))
            #expect(runs.map(\.createdAt) == [32, 24, 16, 8, 0].map(Fixtures.date))
        }
    }
}

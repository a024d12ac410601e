import AviaryCore
import AviaryStorage
import AviaryTesting
import AviaryTestSupport
import Foundation
import Testing

/// The CLI end to end on PostgreSQL: `AVIARY_DATABASE_URL` sends runs, journals, events and
/// sessions to the server instead of the project's SQLite file.
@Suite struct PostgresChatTests {
    @Test(.enabled(if: FreshPostgresDatabase.serverURL != nil))
    func chatAndRunsListUseTheDatabaseNamedByTheEnvironment() async throws {
        try await FreshPostgresDatabase.with { url in
            try await withTemporaryDirectory { dir in
                try KillAndResumeTests.writeProject(dir)
                try await withFakeOpenAIServer(replies: [.text("Noted on PostgreSQL.")]) { server in
                    let env = ["OPENAI_API_KEY": "x", "OPENAI_BASE_URL": server.baseURL, "AVIARY_DATABASE_URL": url]
                    let (status, out, err) = try await CLIProcess.run(["chat", "--project", dir.path, "note the milk"], environment: env)
                    #expect(status == 0, "\(err)")
                    #expect(out.contains("Noted on PostgreSQL."))
                    let (listed, list, _) = try await CLIProcess.run(["runs", "list", "--project", dir.path], environment: env)
                    #expect(listed == 0)
                    #expect(list.contains("completed") && list.contains("scribe"))
                }
                #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".aviary/aviary.sqlite").path))
                try await PostgresStorage.withStorage(.init(url: url)) { storage in
                    let run = try #require(try await storage.store.listRuns(tenant: "default", limit: 5).first)
                    #expect(run.status == .completed && run.sessionID != nil)
                    let events = try await storage.store.loadEvents(run.id, tenant: "default")
                    #expect(events.first?.kind == .runStarted && events.last?.kind == .runFinished)
                    #expect(events.map(\.sequence) == Array(1...events.count))
                    #expect(try await storage.store.loadJournal(run.id, tenant: "default").contains { $0.key == "turn/1/model" })
                    let session = try #require(run.sessionID)
                    #expect(try await storage.store.loadSession(session, tenant: "default")?.turns == 1)
                }
            }
        }
    }
}

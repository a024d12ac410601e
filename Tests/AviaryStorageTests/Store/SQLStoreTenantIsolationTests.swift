import AviaryCore
import AviaryStorage
import Testing

/// Another tenant's data reads as absent, and another tenant's updates and deletes change nothing.
@Suite("SQLStore tenant isolation")
struct SQLStoreTenantIsolationTests {
    @Test(arguments: Backend.all)
    func anotherTenantReadsNothing(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let session = Fixtures.session()
            let run = Fixtures.run(session: session.id)
            try await store.createSession(session)
            try await store.createRun(run)
            try await store.record(Fixtures.step(run.id, "turn/1/model"), tenant: "acme", events: Fixtures.events(run.id, 1...2))
            try await store.appendTranscript(sessionID: session.id, tenant: "acme", agent: "router", messages: [.user("secret")])

            #expect(try await store.loadRun(run.id, tenant: "globex") == nil)
            #expect(try await store.loadJournal(run.id, tenant: "globex").isEmpty)
            #expect(try await store.loadEvents(run.id, tenant: "globex").isEmpty)
            #expect(try await store.listRuns(RunQuery(tenant: "globex", sessionID: session.id)).isEmpty)
            #expect(try await store.loadSession(session.id, tenant: "globex") == nil)
            #expect(try await store.loadTranscript(sessionID: session.id, tenant: "globex", agent: "router").isEmpty)
            #expect(try await store.transcriptAgents(sessionID: session.id, tenant: "globex").isEmpty)
        }
    }

    @Test(arguments: Backend.all)
    func anotherTenantChangesNothing(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let session = Fixtures.session()
            let run = Fixtures.run(session: session.id)
            let step = Fixtures.step(run.id, "turn/1/tool/call_1", .completed, output: "paid")
            try await store.createSession(session)
            try await store.createRun(run)
            try await store.record(step, tenant: "acme", events: Fixtures.events(run.id, 1...2))
            try await store.appendTranscript(sessionID: session.id, tenant: "acme", agent: "router", messages: [.user("mine")])

            var hijackedRun = run
            hijackedRun.tenant = "globex"
            hijackedRun.status = .cancelled
            try await store.updateRun(hijackedRun)
            var hijackedSession = session
            hijackedSession.tenant = "globex"
            hijackedSession.turns = 99
            try await store.updateSession(hijackedSession)
            try await store.record(Fixtures.step(run.id, step.key, .started), tenant: "globex",
                                   events: [Fixtures.event(run.id, 1, tenant: "globex", kind: .runFailed)])
            #expect(try await store.deleteSession(session.id, tenant: "globex") == false)

            #expect(try await store.loadRun(run.id, tenant: "acme") == run)
            #expect(try await store.loadSession(session.id, tenant: "acme") == session)
            #expect(try await store.loadJournal(run.id, tenant: "acme") == [step])
            #expect(try await store.loadEvents(run.id, tenant: "acme") == Fixtures.events(run.id, 1...2))
            #expect(try await store.loadTranscript(sessionID: session.id, tenant: "acme", agent: "router") == [.user("mine")])
            #expect(try await store.loadJournal(run.id, tenant: "globex").isEmpty)
        }
    }

    @Test(arguments: Backend.all)
    func deletingASessionLeavesAnotherTenantsRunsWithTheSameSessionID(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let session = Fixtures.session()
            try await store.createSession(session)
            let mine = Fixtures.run(session: session.id)
            let theirs = Fixtures.run(tenant: "globex", session: session.id)
            for run in [mine, theirs] {
                try await store.createRun(run)
                try await store.record(Fixtures.step(run.id, "k"), tenant: run.tenant, events: Fixtures.events(run.id, 1...1, tenant: run.tenant))
            }
            #expect(try await store.deleteSession(session.id, tenant: "acme"))
            #expect(try await store.loadRun(mine.id, tenant: "acme") == nil)
            #expect(try await store.loadRun(theirs.id, tenant: "globex") == theirs)
            #expect(try await store.loadJournal(theirs.id, tenant: "globex").count == 1)
            #expect(try await store.loadEvents(theirs.id, tenant: "globex").count == 1)
        }
    }
}

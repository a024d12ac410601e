import AviaryCore
import AviaryStorage
import Testing

/// Many runs writing through one store at once, as the runtime does.
@Suite("SQLStore concurrency")
struct SQLStoreConcurrencyTests {
    @Test(arguments: Backend.all)
    func manyConcurrentRunsWriteTheirJournalsAndEvents(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let runs = (0..<40).map { Fixtures.run(principal: "p\($0 % 4)", at: $0) }
            let steps = 6
            try await withThrowingTaskGroup(of: Void.self) { group in
                for run in runs {
                    group.addTask {
                        try await store.createRun(run)
                        var seq = 0
                        for step in 1...steps {
                            try await store.record(Fixtures.step(run.id, "turn/\(step)/model", .started), tenant: "acme", events: [])
                            let events = Fixtures.events(run.id, seq + 1...seq + 2)
                            seq += 2
                            try await store.record(Fixtures.step(run.id, "turn/\(step)/model", .completed, output: ["step": .number(Double(step))]),
                                                   tenant: "acme", events: events)
                            _ = try await store.loadRun(run.id, tenant: "acme")
                        }
                        seq += 1
                        try await store.appendEvents([Fixtures.event(run.id, seq, kind: .runFinished)])
                        var done = run
                        done.status = .completed
                        try await store.updateRun(done)
                    }
                }
                // Readers alongside the writers.
                group.addTask {
                    for _ in 0..<20 { _ = try await store.listRuns(RunQuery(tenant: "acme", limit: 10)) }
                }
                try await group.waitForAll()
            }
            #expect(try await store.listRuns(RunQuery(tenant: "acme", status: .completed, limit: 100)).count == runs.count)
            for run in runs {
                let journal = try await store.loadJournal(run.id, tenant: "acme")
                #expect(journal.count == steps && journal.allSatisfy { $0.state == .completed })
                #expect(try await store.loadEvents(run.id, tenant: "acme").map(\.sequence) == Array(1...(steps * 2 + 1)))
            }
        }
    }

    @Test(arguments: Backend.all)
    func sessionErasuresAndTranscriptAppendsInterleave(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let sessions = (0..<12).map { _ in Fixtures.session() }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (i, session) in sessions.enumerated() {
                    group.addTask {
                        try await store.createSession(session)
                        let run = Fixtures.run(session: session.id, at: i)
                        try await store.createRun(run)
                        try await store.record(Fixtures.step(run.id, "k"), tenant: "acme", events: Fixtures.events(run.id, 1...3))
                        try await store.appendTranscript(sessionID: session.id, tenant: "acme", agent: "router", messages: [.user("q"), .assistant("a")])
                        if i.isMultiple(of: 2) { #expect(try await store.deleteSession(session.id, tenant: "acme")) }
                    }
                }
                try await group.waitForAll()
            }
            for (i, session) in sessions.enumerated() {
                let present = try await store.loadSession(session.id, tenant: "acme") != nil
                #expect(present == !i.isMultiple(of: 2))
                #expect(try await store.loadTranscript(sessionID: session.id, tenant: "acme", agent: "router").count == (present ? 2 : 0))
                #expect(try await store.listRuns(RunQuery(tenant: "acme", sessionID: session.id)).count == (present ? 1 : 0))
            }
        }
    }
}

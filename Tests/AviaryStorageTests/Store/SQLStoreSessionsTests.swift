import AviaryCore
import AviaryStorage
import Testing

@Suite("SQLStore sessions and transcripts")
struct SQLStoreSessionsTests {
    @Test(arguments: Backend.all)
    func createsLoadsAndUpdatesASession(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            var session = Fixtures.session()
            try await store.createSession(session)
            #expect(try await store.loadSession(session.id, tenant: "acme") == session)
            session.usage = Usage(inputTokens: 10, outputTokens: 5, costUSD: 0.5, requests: 2)
            session.turns = 3
            session.updatedAt = Fixtures.date(60)
            try await store.updateSession(session)
            #expect(try await store.loadSession(session.id, tenant: "acme") == session)
            #expect(try await store.loadSession("ses_missing", tenant: "acme") == nil)
        }
    }

    @Test(arguments: Backend.all)
    func concurrentTurnsAddUpWithoutLosingUsage(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let session = Fixtures.session()
            try await store.createSession(session)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await store.addTurn(sessionID: session.id, tenant: "acme", usage: Usage(inputTokens: 3, outputTokens: 2, costUSD: 0.25, requests: 1)) }
                }
                try await group.waitForAll()
            }
            try await store.addTurn(sessionID: session.id, tenant: "other", usage: Usage(inputTokens: 1000))
            let loaded = try #require(try await store.loadSession(session.id, tenant: "acme"))
            #expect(loaded.turns == 20)
            #expect(loaded.usage == Usage(inputTokens: 60, outputTokens: 40, costUSD: 5, requests: 20), "another tenant's update changed nothing")
        }
    }

    @Test(arguments: Backend.all)
    func keepsOneTranscriptPerAgentInOrder(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let session = Fixtures.session()
            try await store.createSession(session)
            let first: [Message] = [.user("What is the status of c42?"), .assistant("Let me look.")]
            try await store.appendTranscript(sessionID: session.id, tenant: "acme", agent: "router", messages: first)
            try await store.appendTranscript(sessionID: session.id, tenant: "acme", agent: "router", messages: [])
            try await store.appendTranscript(sessionID: session.id, tenant: "acme", agent: "router", messages: [.assistant("Active.")])
            try await store.appendTranscript(sessionID: session.id, tenant: "acme", agent: "customer_support", messages: [.user("c42?")])

            #expect(try await store.loadTranscript(sessionID: session.id, tenant: "acme", agent: "router") == first + [.assistant("Active.")])
            #expect(try await store.loadTranscript(sessionID: session.id, tenant: "acme", agent: "customer_support") == [.user("c42?")])
            #expect(try await store.loadTranscript(sessionID: session.id, tenant: "acme", agent: "nobody").isEmpty)
            #expect(try await store.transcriptAgents(sessionID: session.id, tenant: "acme") == ["customer_support", "router"])
        }
    }

    @Test(arguments: Backend.all)
    func concurrentAppendsGetDistinctConsecutiveSequenceNumbers(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let session = Fixtures.session()
            try await store.createSession(session)
            let writers = 24
            try await withThrowingTaskGroup(of: Void.self) { group in
                for w in 0..<writers {
                    group.addTask {
                        let messages = (0..<3).map { Message.user("w\(w)-m\($0)") }
                        try await store.appendTranscript(sessionID: session.id, tenant: "acme", agent: "router", messages: messages)
                    }
                }
                try await group.waitForAll()
            }
            let texts = try await store.loadTranscript(sessionID: session.id, tenant: "acme", agent: "router").map(\.text)
            #expect(texts.count == writers * 3)
            // Each append's messages are stored together and in order.
            for chunk in stride(from: 0, to: texts.count, by: 3) {
                let writer = texts[chunk].split(separator: "-")[0]
                #expect(texts[chunk..<chunk + 3] == ["\(writer)-m0", "\(writer)-m1", "\(writer)-m2"])
            }
            #expect(Set(texts).count == writers * 3)
        }
    }

    @Test(arguments: Backend.all)
    func deletingASessionErasesEverythingRecordedForIt(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let session = Fixtures.session()
            let kept = Fixtures.session()
            for s in [session, kept] { try await store.createSession(s) }
            let parent = Fixtures.run(session: session.id, at: 1)
            let child = Fixtures.run(session: session.id, parent: parent.id, at: 2)
            let other = Fixtures.run(session: kept.id, at: 3)
            let loose = Fixtures.run(at: 4)
            for run in [parent, child, other, loose] {
                try await store.createRun(run)
                try await store.record(Fixtures.step(run.id, "turn/1/model"), tenant: "acme", events: Fixtures.events(run.id, 1...2))
            }
            for s in [session, kept] {
                try await store.appendTranscript(sessionID: s.id, tenant: "acme", agent: "router", messages: [.user("hi")])
            }

            #expect(try await store.deleteSession(session.id, tenant: "acme"))

            #expect(try await store.loadSession(session.id, tenant: "acme") == nil)
            #expect(try await store.transcriptAgents(sessionID: session.id, tenant: "acme").isEmpty)
            for run in [parent, child] {
                #expect(try await store.loadRun(run.id, tenant: "acme") == nil)
                #expect(try await store.loadJournal(run.id, tenant: "acme").isEmpty)
                #expect(try await store.loadEvents(run.id, tenant: "acme").isEmpty)
            }
            // Another session and runs outside any session are untouched.
            #expect(try await store.loadSession(kept.id, tenant: "acme") == kept)
            #expect(try await store.loadTranscript(sessionID: kept.id, tenant: "acme", agent: "router") == [.user("hi")])
            for run in [other, loose] {
                #expect(try await store.loadRun(run.id, tenant: "acme") == run)
                #expect(try await store.loadJournal(run.id, tenant: "acme").count == 1)
                #expect(try await store.loadEvents(run.id, tenant: "acme").count == 2)
            }
            #expect(try await store.deleteSession(session.id, tenant: "acme") == false)
            #expect(try await store.deleteSession("ses_missing", tenant: "acme") == false)
        }
    }
}

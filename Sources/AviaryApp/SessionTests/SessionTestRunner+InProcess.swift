import AviaryCore
import AviaryRuntime
import AviaryStorage
import Foundation

extension SessionTestRunner {
    /// Runs the cases in one application of the project, with the tape between its agents and
    /// the outside. When every case replays, nothing reaches outside the machine: the embedded
    /// local model is neither installed nor started, and no embedding model is used (the setup
    /// stores no vectors and `rag_search` ranks by full text), so a replay needs no network.
    func runInProcess(_ setup: SessionTestSetup, _ cases: [SessionTestCase],
                      recordings: [String: SessionRecording]) async throws -> [SessionTestResult] {
        let tape = SessionTape()
        var standIns: [String: ToolSpec] = [:]
        for recording in recordings.values { for (name, tool) in recording.tools { standIns[name] = tool.spec } }
        var application = options.application
        application.interposer = SessionTestInterposer(tape: tape, recorded: Set(cases.flatMap(\.recordedTools)), standIns: standIns,
                                                       extraTools: options.extraTools)
        var configuration = self.configuration
        if !cases.contains(where: { mode(of: $0, recordings: recordings).callsModel }) {
            application.startLocalModel = false
            application.installLocalModel = false
            configuration.embeddings = .none
        }
        return try await AviaryApplication.with(configuration, options: application) { app in
            try await ingest(setup, into: app)
            var results: [SessionTestResult] = []
            for test in cases {
                results.append(try await run(test, in: app, tape: tape, recording: recordings[test.name], mode: mode(of: test, recordings: recordings)))
            }
            return results
        }
    }

    /// One case's turn through `runtime.chat`, as `POST /chat` would run it.
    private func run(_ test: SessionTestCase, in app: AviaryApplication, tape: SessionTape, recording: SessionRecording?,
                     mode: SessionTestMode) async throws -> SessionTestResult {
        options.progress("▶ \(test.name) (\(mode))")
        let started = ContinuousClock.now
        let tenant = configuration.tenant
        let agent = try app.project.chatAgent(test.agent ?? configuration.defaultAgent).name
        var observation = SessionTestObservation(chatURL: chatURL(mode, test), userID: test.userID, requestedSessionID: test.sessionID,
                                                 question: test.question, agent: agent)
        let earlier = try await transcripts(app, session: test.sessionID, tenant: tenant, agent: agent)
        tape.begin(mode, recording: recording, tools: test.recordedTools)
        let chat: ChatResult
        do {
            chat = try await app.runtime.chat(ChatRequest(userID: test.userID, question: test.question, sessionID: test.sessionID,
                                                          agent: agent, tenant: tenant))
        } catch {
            let ending = tape.end()
            observation.failure = ErrorText.describe(error)
            observation.response = ["error": .string(observation.failure ?? "")]
            return try conclude(test, observation, mode: mode, divergences: ending.divergences, recording: nil, started: started)
        }
        let ending = tape.end()
        let outcome = ChatOutcome(chat)
        observation.response = outcome.value
        observation.answer = chat.response
        observation.sessionID = chat.session.id
        if !outcome.completed {
            // a run stopped by a divergence: the divergence says why, once
            let diverged = !ending.divergences.isEmpty && (outcome.error ?? "").contains("replay diverged")
            observation.failure = "run \(outcome.runID) \(outcome.status)" + (diverged ? " where the replay diverged" : ": \(outcome.error ?? "no answer")")
        }
        let after = try await transcripts(app, session: chat.session.id, tenant: tenant, agent: agent)
        observation.conversations = after.map { conversation in
            SessionConversation(agent: conversation.agent, messages: conversation.messages,
                                earlier: earlier.first { $0.agent == conversation.agent }?.messages.count ?? 0)
        }
        observation.files = app.runtime.workspace(forSession: chat.session.id, tenant: tenant).map(SessionFile.list(workspace:)) ?? []
        var written: String?
        if mode == .record, let recorder = ending.recorder {
            if outcome.completed {
                let url = SessionRecording.location(of: test.name, in: configuration.projectDirectory)
                let previous = try? SessionRecording.load(url)
                let recording = recorder.recording(of: test, question: test.question, recordedAt: ISO8601DateFormatter().string(from: options.now()),
                                                   note: options.note ?? previous?.note)
                try recording.write(to: url)
                written = "tests/recordings/\(test.name).json"
            } else {
                options.progress("  (not recorded: the run did not complete; the previous recording is kept)")
            }
        }
        return try conclude(test, observation, mode: mode, divergences: ending.divergences, recording: written, started: started)
    }

    /// Every agent's transcript in a session, the answering agent's first (none for a new session).
    private func transcripts(_ app: AviaryApplication, session: String?, tenant: String, agent: String) async throws -> [SessionConversation] {
        guard let session else { return [] }
        let agents = try await app.store.transcriptAgents(sessionID: session, tenant: tenant)
        var out: [SessionConversation] = []
        let ordered = agents.contains(agent) ? [agent] + agents.filter { $0 != agent }.sorted() : agents.sorted()
        for name in ordered {
            out.append(SessionConversation(agent: name, messages: try await app.store.loadTranscript(sessionID: session, tenant: tenant, agent: name)))
        }
        return out
    }

    /// What the report's `chat_url` says of an in-process run.
    private func chatURL(_ mode: SessionTestMode, _ test: SessionTestCase) -> String {
        switch mode {
        case .replay: return "in-process (replay of tests/recordings/\(test.name).json)"
        case .record: return "in-process (configured model, recorded to tests/recordings/\(test.name).json)"
        case .live, .remote: return "in-process (configured model)"
        }
    }
}

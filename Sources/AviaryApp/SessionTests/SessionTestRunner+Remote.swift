import AsyncHTTPClient
import AviaryCore
import AviaryKnowledge
import AviaryModels
import AviaryRuntime
import Foundation

extension SessionTestRunner {
    /// Runs the cases against a running server (`--url`), as seed 000's runner does: `POST /chat`,
    /// transcripts over the sessions API, and the session's files from its folder on this
    /// machine when the server keeps them here (`sessions_root`, default the project's).
    func runRemote(_ setup: SessionTestSetup, _ cases: [SessionTestCase], url: String) async throws -> [SessionTestResult] {
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        do {
            let remote = RemoteSessionClient(url: url, apiKey: options.apiKey, transport: AsyncHTTPTransport(client: client, defaultTimeout: .seconds(300)))
            try await ingest(setup, remote: remote)
            var results: [SessionTestResult] = []
            for test in cases { results.append(try await run(test, remote: remote)) }
            try await client.shutdown()
            return results
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private func run(_ test: SessionTestCase, remote: RemoteSessionClient) async throws -> SessionTestResult {
        let mode = SessionTestMode.remote(url: remote.chatURL)
        options.progress("▶ \(test.name) (\(mode))")
        let started = ContinuousClock.now
        var observation = SessionTestObservation(chatURL: remote.chatURL, userID: test.userID, requestedSessionID: test.sessionID,
                                                 question: test.question, agent: test.agent ?? "")
        let earlier = try await transcripts(remote, session: test.sessionID)
        let (status, body) = try await remote.chat(userID: test.userID, question: test.question, sessionID: test.sessionID)
        observation.response = body
        guard (200..<300).contains(status), let session = body["sessionId"]?.stringValue else {
            observation.failure = "HTTP \(status): \(body["error"]?["message"]?.stringValue ?? body.jsonString)"
            return try conclude(test, observation, mode: mode, divergences: [], recording: nil, started: started)
        }
        observation.sessionID = session
        observation.answer = body["response"]?.stringValue ?? ""
        let after = try await transcripts(remote, session: session)
        // the chat agent is the one whose transcript got the question
        let agent = test.agent ?? after.first { $0.messages.contains { $0.role == .user && $0.text == test.question } }?.agent ?? ""
        observation.agent = agent
        observation.conversations = after.map { conversation in
            SessionConversation(agent: conversation.agent, messages: conversation.messages,
                                earlier: earlier.first { $0.agent == conversation.agent }?.messages.count ?? 0)
        }.sorted { ($0.agent == agent ? "" : $0.agent) < ($1.agent == agent ? "" : $1.agent) }
        let root = test.sessionsRoot.map(sessionsRoot) ?? configuration.sessionsDirectory
        observation.files = SessionFile.list(workspace: SessionWorkspaces(root: root).workspace(session: session, tenant: configuration.tenant))
        return try conclude(test, observation, mode: mode, divergences: [], recording: nil, started: started)
    }

    private func transcripts(_ remote: RemoteSessionClient, session: String?) async throws -> [SessionConversation] {
        guard let session else { return [] }
        var out: [SessionConversation] = []
        for agent in try await remote.agents(session: session) {
            out.append(SessionConversation(agent: agent, messages: try await remote.transcript(session: session, agent: agent)))
        }
        return out
    }

    /// A case's `sessions_root`: `~` expanded, relative to the project.
    private func sessionsRoot(_ path: String) -> URL {
        let expanded = (path as NSString).expandingTildeInPath
        return URL(fileURLWithPath: expanded, relativeTo: configuration.projectDirectory).standardizedFileURL
    }

    /// `setup.ingest` through the server's ingest API, the documents sent inline; waits for each job.
    private func ingest(_ setup: SessionTestSetup, remote: RemoteSessionClient) async throws {
        for step in setup.ingest {
            var items: [JSONValue] = []
            for document in try documents(of: step) {
                guard let type = Self.contentType(of: document.file),
                      let text = try? String(contentsOf: document.file, encoding: .utf8) else {
                    throw SessionTestError.setupFailed("setup.ingest '\(step.namespace)': \(document.source) cannot be sent to a server as text; ingest it there with `aviary ingest`")
                }
                items.append(IngestItem(origin: .inline(content: text, contentType: type), source: document.source, metadata: step.metadata).json)
            }
            let job = try await remote.ingest(namespace: step.namespace, items: items)
            let deadline = ContinuousClock.now + .seconds(600)
            var body = try await remote.job(job)
            while body["status"] == "pending" || body["status"] == "running" {
                guard ContinuousClock.now < deadline else { throw SessionTestError.setupFailed("setup.ingest '\(step.namespace)': job \(job) still running after 10 minutes") }
                try await Task.sleep(for: .milliseconds(200))
                body = try await remote.job(job)
            }
            try report(step, status: body["status"]?.stringValue ?? "failed", error: body["error"]?.stringValue, output: body)
        }
    }
}

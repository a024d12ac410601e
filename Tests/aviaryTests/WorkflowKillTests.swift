import AviaryCore
import AviaryStorage
import AviaryTesting
import AviaryTestSupport
import Foundation
import Testing

/// A workflow run in a real `aviary run` process killed (SIGKILL) at several points — during its
/// first, second and third model call — resumes with `aviary runs resume` without running its
/// completed nodes again: no model call is asked twice, and each node finishes once.
@Suite struct WorkflowKillTests {
    static func writeProject(_ dir: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("agents"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("workflows"), withIntermediateDirectories: true)
        try "model: openai/fake-model\n".write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
        for name in ["drafter", "critic", "editor"] {
            try "name: \(name)\nkind: simple\ninstructions: You are the \(name).\n"
                .write(to: dir.appendingPathComponent("agents/\(name).yaml"), atomically: true, encoding: .utf8)
        }
        try """
        name: article
        version: 1.0.0
        input_schema: {type: object, required: [topic], properties: {topic: {type: string}}}
        workflow:
          nodes:
            - {id: draft, agent: drafter, input: {question: "Draft about {{ input.topic }}"}}
            - {id: measure, type: transform, expression: "length(nodes.draft.output)"}
            - {id: critique, agent: critic, input: {question: "Critique: {{ nodes.draft.output }} ({{ nodes.measure.output }} chars)"}}
            - {id: edit, agent: editor, input: {question: "Edit {{ nodes.draft.output }} per {{ nodes.critique.output }}"}}
          edges:
            - {from: draft, to: measure}
            - {from: measure, to: critique}
            - {from: critique, to: edit}
            - {from: edit, to: FINISH}
        """.write(to: dir.appendingPathComponent("workflows/article.yaml"), atomically: true, encoding: .utf8)
    }

    static let answers = ["A draft.", "Too short.", "A longer draft."]

    @Test(arguments: [1, 2, 3])
    func aKilledWorkflowResumesWithoutRunningItsCompletedNodesAgain(killedAtCall: Int) async throws {
        try await withTemporaryDirectory { dir in
            try Self.writeProject(dir)
            let held = FakeReply.error(status: 429, body: #"{"error":{"message":"slow down","type":"rate_limit"}}"#, retryAfter: "30")
            try await withFakeOpenAIServer(replies: Self.answers.prefix(killedAtCall - 1).map { .text($0) } + [held]) { server in
                let cli = try CLIProcess(["run", "article", "--project", dir.path, "--input", #"{"topic":"durable workflows"}"#],
                                         environment: ["OPENAI_API_KEY": "x", "OPENAI_BASE_URL": server.baseURL])
                try await cli.start()
                #expect(try await eventually { server.requests.count >= killedAtCall || !cli.isRunning })
                #expect(cli.isRunning, "killed mid-run")
                kill(cli.processIdentifier, SIGKILL)
                _ = await cli.finish()
            }
            let database = dir.appendingPathComponent(".aviary/aviary.sqlite").path
            let run = try await SQLiteStorage.withStorage(path: database) { storage in
                try #require(try await storage.store.listRuns(tenant: "default", limit: 10).first { $0.agent == "article" })
            }
            #expect(run.status == .running, "the process died with the run running")
            try await withFakeOpenAIServer(replies: Self.answers.dropFirst(killedAtCall - 1).map { .text($0) }) { server in
                let (status, out, err) = try await CLIProcess.run(["runs", "resume", run.id.rawValue, "--project", dir.path],
                                                                  environment: ["OPENAI_API_KEY": "x", "OPENAI_BASE_URL": server.baseURL])
                #expect(status == 0, "\(err)")
                #expect(out.contains("A longer draft."), "\(out)")
                #expect(server.requests.count == 4 - killedAtCall, "only the calls not completed before the kill are asked")
            }
            let events = try await SQLiteStorage.withStorage(path: database) { storage in
                try await storage.store.loadEvents(run.id, tenant: "default")
            }
            for node in ["draft", "measure", "critique", "edit", "FINISH"] {
                #expect(events.filter { $0.kind == .nodeFinished && $0.data["node"]?.stringValue == node }.count == 1, "\(node) finished once")
            }
            #expect(events.last?.kind == .runFinished)
            #expect(events.map(\.sequence) == Array(1...events.count))
        }
    }
}

import AviaryApp
import AviaryCore
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import AviaryTestSupport
import AviaryWorkflows
import Foundation
import Testing

/// `aviary serve` picks up added, edited and removed agent and workflow files: a file that fails
/// keeps its last good version, and a run started before an edit resumes with its own version.
@Suite struct ProjectReloadServiceTests {
    static func workflow(version: String, summary: String = "ok?", last: String = "'v1'") -> String {
        """
        name: review
        version: \(version)
        workflow:
          nodes:
            - {id: ask, type: approval, summary: "\(summary)"}
            - {id: done, type: transform, expression: "\(last)"}
          edges:
            - {from: ask, to: done}
            - {from: done, to: FINISH}
        """
    }

    static func write(_ text: String, _ path: String, in dir: URL) throws {
        let url = dir.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func editsAdditionsRemovalsAndBrokenFilesWhileServing() async throws {
        try await withTemporaryDirectory { dir in
            try Self.write("name: helper\ninstructions: Help.\n", "agents/helper.yaml", in: dir)
            try Self.write(Self.workflow(version: "1"), "workflows/review.yaml", in: dir)
            let storage = try await SQLiteStorage.open(path: dir.appendingPathComponent("aviary.sqlite").path)
            defer { Task { try? await storage.close() } }
            let reloader = ProjectReloader(root: dir, tools: ToolRegistry([]))
            let initial = reloader.reload(.none).definitions
            let runtime = AgentRuntime(catalog: initial.catalog, tools: ToolRegistry([]), models: SingleModelProvider(FunctionModel { _ in .text("hi") }),
                                       runs: storage.store, sessions: storage.store,
                                       programs: try initial.workflows.values.map { try WorkflowProgram($0) })
            let service = ProjectReloadService(reloader: reloader, runtime: runtime, interval: .seconds(1), clock: ContinuousClock())
            #expect(service.reloadIfChanged() == nil, "nothing changed yet")

            // a run of version 1 waits for its approval
            var request = RunRequest(agent: "review", input: WorkflowInput(input: [:]).stored, tenant: "t", principal: "ana")
            request.runID = RunID("run_review_1")
            let waiting = try await runtime.run(request)
            #expect(waiting.status == .waiting)

            // edited: version 2 is served; the waiting run keeps version 1
            try Self.write(Self.workflow(version: "2", last: "'v2'"), "workflows/review.yaml", in: dir)
            let edited = try #require(service.reload())
            #expect(edited.changes == ["workflow review: updated (workflows/review.yaml)"])
            #expect((runtime.registeredProgram(named: "review") as? WorkflowProgram)?.definition.version == "2")
            _ = try await runtime.answerApproval(waiting.id, tenant: "t", principal: "ana", role: .user, decision: .approved, reason: nil)
            let resumed = try await runtime.resume(waiting.id, tenant: "t")
            #expect(resumed.output?["result"] == "v1", "the run resumed with the version it started with")

            // broken: the last good version stays, the problem is reported with file and node
            try Self.write(Self.workflow(version: "3", last: "length(") , "workflows/review.yaml", in: dir)
            let broken = service.reload()
            #expect(broken.problems.contains { $0.contains("workflows/review.yaml: node 'done'") }, "\(broken.problems)")
            #expect((runtime.registeredProgram(named: "review") as? WorkflowProgram)?.definition.version == "2")

            // added and removed, agents too
            try Self.write("name: second\ninstructions: Also help.\n", "agents/second.yaml", in: dir)
            try Self.write(Self.workflow(version: "1").replacingOccurrences(of: "name: review", with: "name: other"), "workflows/other.yaml", in: dir)
            let added = service.reload()
            #expect(added.changes.sorted() == ["agent second: added (agents/second.yaml)", "workflow other: added (workflows/other.yaml)"])
            #expect(runtime.catalog.names == ["helper", "second"])
            try FileManager.default.removeItem(at: dir.appendingPathComponent("workflows/other.yaml"))
            try FileManager.default.removeItem(at: dir.appendingPathComponent("agents/second.yaml"))
            let removed = service.reload()
            #expect(removed.changes.sorted() == ["agent second: removed (agents/second.yaml)", "workflow other: removed (workflows/other.yaml)"])
            #expect(runtime.registeredProgram(named: "other") == nil)
            #expect(runtime.catalog.names == ["helper"])
        }
    }

    @Test func aFileThatCollidesOrPointsAtABrokenFileIsTheOneRefusedAndARemovedWorkflowsRunStillFinishes() async throws {
        try await withTemporaryDirectory { dir in
            try Self.write("name: helper\ninstructions: Help.\n", "agents/helper.yaml", in: dir)
            try Self.write(Self.workflow(version: "1"), "workflows/review.yaml", in: dir)
            let storage = try await SQLiteStorage.open(path: dir.appendingPathComponent("aviary.sqlite").path)
            defer { Task { try? await storage.close() } }
            let reloader = ProjectReloader(root: dir, tools: ToolRegistry([]))
            let initial = reloader.reload(.none).definitions
            let runtime = AgentRuntime(catalog: initial.catalog, tools: ToolRegistry([]), models: SingleModelProvider(FunctionModel { _ in .text("hi") }),
                                       runs: storage.store, sessions: storage.store,
                                       programs: try initial.workflows.values.map { try WorkflowProgram($0) }, recoverProgram: WorkflowProgram.recover)
            let service = ProjectReloadService(reloader: reloader, runtime: runtime, interval: .seconds(1), clock: ContinuousClock())

            // a new agent named like the served workflow is refused; the workflow stays
            try Self.write("name: review\ninstructions: Clash.\n", "agents/review.yaml", in: dir)
            let clash = service.reload()
            #expect(clash.problems.contains("agents/review.yaml: field 'name': 'review' is already used by a workflow"), "\(clash.problems)")
            #expect(runtime.catalog.agent(named: "review") == nil)
            #expect(runtime.registeredProgram(named: "review") != nil)
            try FileManager.default.removeItem(at: dir.appendingPathComponent("agents/review.yaml"))

            // an agent edited to use a new workflow that does not load keeps its last good version
            try Self.write("name: helper\ninstructions: Help.\ntools: [broken]\n", "agents/helper.yaml", in: dir)
            try Self.write("name: broken\nworkflow: {nodes: [{id: a, tool: nothing}], edges: [{from: a, to: FINISH}]}\n", "workflows/broken.yaml", in: dir)
            let dangling = service.reload()
            #expect(dangling.problems.contains { $0.contains("unknown tool 'nothing'") }, "\(dangling.problems)")
            #expect(runtime.catalog.agent(named: "helper")?.tools == [], "helper kept the version that loads")
            try FileManager.default.removeItem(at: dir.appendingPathComponent("workflows/broken.yaml"))
            try Self.write("name: helper\ninstructions: Help.\n", "agents/helper.yaml", in: dir)

            // a run waits; its workflow's file is removed; the answered run still finishes with its recorded version
            var request = RunRequest(agent: "review", input: WorkflowInput(input: [:]).stored, tenant: "t", principal: "ana")
            request.runID = RunID("run_review_gone")
            let waiting = try await runtime.run(request)
            try FileManager.default.removeItem(at: dir.appendingPathComponent("workflows/review.yaml"))
            #expect(service.reload().changes.contains("workflow review: removed (workflows/review.yaml)"))
            _ = try await runtime.answerApproval(waiting.id, tenant: "t", principal: "ana", role: .user, decision: .approved, reason: nil)
            let finished = try await runtime.resume(waiting.id, tenant: "t")
            #expect(finished.status == .completed, "\(finished.error ?? "")")
            #expect(finished.output?["result"] == "v1")
        }
    }
}

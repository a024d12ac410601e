import AviaryApp
import AviaryCore
import AviaryTestSupport
import Foundation
import Testing

/// Seed 000's three session test cases on the support swarm through ``SessionTestRunner``:
/// recorded against the scripted stand-in (a fake OpenAI server and a fake SearXNG server), then
/// replayed offline with no provider, key or web search; a replay that leaves its recording fails.
@Suite struct SupportSwarmSessionTests {
    static let cases = ["01_base_agent_native_tools", "02_customer_data_active_incidents", "03_knowledge_agent_compare_stone_vs_infinitepay"]

    /// Options for an offline run: no provider keys, no local model.
    static func offline(_ options: SessionTestRunner.Options = .init()) -> SessionTestRunner.Options {
        var options = options
        options.application = AviaryApplication.Options(startLocalModel: false, installLocalModel: false, environment: [:])
        return options
    }

    /// A copy of the example without its recordings, for the runner to record into.
    static func withBareCopy(_ body: (URL) async throws -> Void) async throws {
        try await ExampleProject.with("support-swarm") { config in
            let project = config.projectDirectory
            for leftover in ["tests/recordings", "tests/results"] { try? FileManager.default.removeItem(at: project.appendingPathComponent(leftover)) }
            try await body(project)
        }
    }

    static func configuration(_ project: URL) throws -> AviaryConfiguration { try ConfigurationLoader(environment: [:]).load(project: project) }

    @Test func recordThroughTheRealPathThenReplayOffline() async throws {
        try await Self.withBareCopy { project in
            let recorded = try await SupportSwarmScript.record(project: project)
            #expect(recorded.map(\.name) == Self.cases)
            for result in recorded {
                #expect(result.passed, "\(result.name): \(result.problems)")
                #expect(result.mode == .record)
                #expect(result.recording == "tests/recordings/\(result.name).json")
            }
            let recording = try #require(try SessionRecording.load(SessionRecording.location(of: Self.cases[2], in: project)))
            #expect(recording.models.keys.sorted() == ["knowledge_agent", "router"])
            #expect(recording.models["router"]?.count == 3 && recording.models["knowledge_agent"]?.count == 2)
            #expect(recording.models["router"]?.first?.response.model == "gpt-4o-mini", "the provider's wire response, as the adapter read it")
            #expect(recording.tools.keys.sorted() == ["web_search"], "rag_search runs for real, it is not recorded")
            #expect(recording.tools["web_search"]?.calls.first?.output?["provider"] == "searxng")
            #expect(recording.note?.contains("scripted stand-in") == true)

            let replayed = try await SessionTestRunner(configuration: Self.configuration(project), options: Self.offline()).run()
            for result in replayed {
                #expect(result.passed, "\(result.name): \(result.problems)")
                #expect(result.mode == .replay)
            }
            let report = try String(contentsOf: project.appendingPathComponent("tests/results/\(Self.cases[2]).md"), encoding: .utf8)
            #expect(report.contains("### Conversation: `knowledge_agent`"))
            #expect(report.contains("- name: rag_search"))
            #expect(report.contains(#""source":"knowledge/"#), "rag_search ran over the ingested corpus, cited by project path")
            #expect(report.contains("- `comparison.md` ("))
        }
    }

    @Test func aReplayThatLeavesItsRecordingFailsSayingWhere() async throws {
        try await ExampleProject.with("support-swarm") { config in
            var options = Self.offline(.init(caseName: Self.cases[0], question: "List my files."))
            var results = try await SessionTestRunner(configuration: config, options: options).run()
            #expect(results.first?.passed == false)
            #expect(results.first?.divergences.first?.hasPrefix("agent 'router' request #1 asks \"List my files.\", but the recording's next request for it asks \"Save a note") == true,
                    "\(results.first?.problems ?? [])")

            // the knowledge agent without rag_search: the recorded response calls a tool it no longer has
            let agent = config.projectDirectory.appendingPathComponent("agents/knowledge_agent.yaml")
            let yaml = try String(contentsOf: agent, encoding: .utf8).replacingOccurrences(of: "tools: [rag_search, web_search?]", with: "tools: [web_search?]")
            try yaml.write(to: agent, atomically: true, encoding: .utf8)
            options = Self.offline(.init(caseName: Self.cases[2]))
            results = try await SessionTestRunner(configuration: config, options: options).run()
            let problems = results.first?.problems ?? []
            #expect(results.first?.passed == false)
            #expect(problems.contains { $0.contains("the recorded response #1 of agent 'knowledge_agent' calls 'rag_search', which the agent does not have in this run") }, "\(problems)")
            let report = try String(contentsOf: config.projectDirectory.appendingPathComponent("tests/results/\(Self.cases[2]).md"), encoding: .utf8)
            #expect(report.contains("- status: **failed**"))
            #expect(report.contains("- ✗ replay: the recorded response #1 of agent 'knowledge_agent' calls 'rag_search'"))
        }
    }

    @Test func unknownCasesAndConflictingOptionsAreRefused() async throws {
        try await ExampleProject.with("support-swarm") { config in
            await #expect(throws: SessionTestError.self) { _ = try await SessionTestRunner(configuration: config, options: Self.offline(.init(caseName: "04"))).run() }
            await #expect(throws: SessionTestError.self) {
                _ = try await SessionTestRunner(configuration: config, options: Self.offline(.init(url: "http://127.0.0.1:9", record: true))).run()
            }
        }
    }

    /// Regenerates the example's committed recordings (`AVIARY_RECORD_EXAMPLES=1`).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["AVIARY_RECORD_EXAMPLES"] == "1"))
    func regenerateTheExamplesRecordings() async throws {
        try await Self.withBareCopy { project in
            let results = try await SupportSwarmScript.record(project: project)
            #expect(results.allSatisfy { $0.passed }, "\(results.map(\.problems))")
            let target = ExampleProject.packageRoot.appendingPathComponent("Examples/support-swarm/tests/recordings")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for name in Self.cases {
                let destination = target.appendingPathComponent("\(name).json")
                try? FileManager.default.removeItem(at: destination)
                try FileManager.default.copyItem(at: SessionRecording.location(of: name, in: project), to: destination)
            }
        }
    }
}

import AviaryApp
import AviaryCore
import AviaryRuntime
import AviaryTestSupport
import Foundation
import Testing

/// A project's workflows load with its agents and tools: an agent node's `model_profile` must be a
/// profile of `aviary.yaml` or a `provider/model` reference, and an agent may name a workflow as a tool.
@Suite struct WorkflowProjectTests {
    static func project(_ dir: URL, profile: String, config: String = "") throws {
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("agents"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("workflows"), withIntermediateDirectories: true)
        try ("model: openai/fake-model\n" + config).write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
        try "name: writer\ninstructions: Write.\ntools: [pitch]\n".write(to: dir.appendingPathComponent("agents/writer.yaml"), atomically: true, encoding: .utf8)
        try """
        name: pitch
        workflow:
          nodes:
            - {id: draft, agent: helper, model_profile: \(profile)}
          edges:
            - {from: draft, to: FINISH}
        """.write(to: dir.appendingPathComponent("workflows/pitch.yaml"), atomically: true, encoding: .utf8)
        try "name: helper\ninstructions: Help.\n".write(to: dir.appendingPathComponent("agents/helper.yaml"), atomically: true, encoding: .utf8)
    }

    static func load(_ dir: URL) async throws -> Project {
        try await ProjectLoader().load(try ConfigurationLoader(environment: ["OPENAI_API_KEY": "x"]).load(project: dir))
    }

    @Test func aModelProfileMustBeDefinedOrAProviderReference() async throws {
        try await withTemporaryDirectory { dir in
            try Self.project(dir, profile: "fsat", config: "profiles: {fast: openai/gpt-4o-mini}\n")
            let error = await #expect(throws: ProjectLoadError.self) { try await Self.load(dir) }
            #expect(error?.problems.first == "workflows/pitch.yaml: node 'draft': field 'model_profile': 'fsat' is neither a profile of "
                    + "aviary.yaml (fast) nor a provider/model reference such as openai/gpt-4o-mini", "\(error?.problems ?? [])")
            #expect(error?.problems.last?.hasPrefix("agent 'writer': field 'tools': unknown tool, agent or workflow 'pitch'") == true,
                    "the agent that names the refused workflow is reported too")
        }
        for good in ["fast", "openai/gpt-4o"] {
            try await withTemporaryDirectory { dir in
                try Self.project(dir, profile: good, config: "profiles: {fast: openai/gpt-4o-mini}\n")
                let project = try await Self.load(dir)
                #expect(project.workflow(named: "pitch") != nil)
                #expect(project.catalog.agent(named: "writer")?.tools == ["pitch"], "an agent names a workflow as a tool")
            }
        }
    }
}

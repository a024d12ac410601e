import AviaryApp
import AviaryCore
import AviaryRuntime
import AviaryTesting
import AviaryTestSupport
import Foundation
import Testing

/// The `web_search` tool in a project: present and working when `web_search:` names an engine;
/// absent otherwise, with every place that meets its name (validation, workflows, reloads) saying
/// what to add to aviary.yaml.
@Suite struct WebSearchToolProjectTests {
    static let needs = "web_search, which needs a search provider: add `web_search: {provider: searxng, url: …}` or `{provider: brave}` to aviary.yaml"
    static let hits = [
        WebSearchResult(title: "<b>Swift</b> on Server", url: "https://swift.org/server/", snippet: "Run Swift on Linux.", published: "2024-05-01"),
        WebSearchResult(title: "Vapor", url: "https://vapor.codes", snippet: "A web framework."),
    ]

    static func project(_ dir: URL, config: String = "", tools: String = "[web_search, rag_search]") throws {
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("agents"), withIntermediateDirectories: true)
        try ("model: openai/fake-model\n" + config).write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
        try """
            name: knowledge_agent
            instructions: Answer from the knowledge base and the web.
            tools: \(tools)
            """.write(to: dir.appendingPathComponent("agents/knowledge.yaml"), atomically: true, encoding: .utf8)
    }

    static func configuration(_ dir: URL, environment: [String: String] = ["OPENAI_API_KEY": "x"]) throws -> AviaryConfiguration {
        try ConfigurationLoader(environment: environment).load(project: dir)
    }

    /// Asks `knowledge_agent` to search, and returns the answer: the tool's result verbatim.
    static func askToSearch(_ config: AviaryConfiguration, environment: [String: String] = [:]) async throws -> (ChatResult, ToolResult?) {
        let model = ScriptedModel([
            .toolCall("web_search", ["query": "swift server", "max_results": 2]),
            .dynamic { request in .text(request.messages.flatMap(\.toolResults).last?.content ?? "no tool result") },
        ], onMisuse: { Issue.record($0) })
        let options = AviaryApplication.Options(environment: environment, modelProvider: SingleModelProvider(model))
        let chat = try await AviaryApplication.with(config, options: options) { app in
            try await app.runtime.chat(ChatRequest(userID: "u1", question: "What runs Swift on servers?", agent: "knowledge_agent"))
        }
        try model.verifyConsumed()
        return (chat, model.requests.last?.messages.flatMap(\.toolResults).last)
    }

    @Test func withoutAProviderAnAgentNamingTheToolIsToldWhatToAdd() async throws {
        try await withTemporaryDirectory { dir in
            try Self.project(dir)
            let error = await #expect(throws: ProjectLoadError.self) { try await ProjectLoader().load(try Self.configuration(dir)) }
            #expect(error?.problems == ["agent 'knowledge_agent' uses " + Self.needs])
        }
    }

    @Test func aWorkflowToolNodeIsToldToo() async throws {
        try await withTemporaryDirectory { dir in
            try Self.project(dir, tools: "[rag_search]")
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("workflows"), withIntermediateDirectories: true)
            try """
                name: lookup
                workflow:
                  nodes:
                    - {id: search, tool: web_search}
                  edges:
                    - {from: search, to: FINISH}
                """.write(to: dir.appendingPathComponent("workflows/lookup.yaml"), atomically: true, encoding: .utf8)
            let error = await #expect(throws: ProjectLoadError.self) { try await ProjectLoader().load(try Self.configuration(dir)) }
            let problem = try #require(error?.problems.first)
            #expect(problem.contains("node 'search'") && problem.contains("web_search needs a search provider: add `web_search:"), "\(problem)")
        }
    }

    @Test func aReloadedAgentNamingTheToolIsToldToo() async throws {
        try await withTemporaryDirectory { dir in
            try Self.project(dir, tools: "[rag_search]")
            let project = try await ProjectLoader().load(try Self.configuration(dir))
            #expect(project.tools.tool(named: "web_search") == nil)
            let reloader = ProjectReloader(root: dir, tools: project.tools)
            try Self.project(dir)
            let outcome = reloader.reload(.none)
            #expect(outcome.problems == ["agents/knowledge.yaml: agent 'knowledge_agent' uses " + Self.needs])
            #expect(outcome.definitions.agents.isEmpty)
        }
    }

    @Test func aConfiguredSearXNGInstanceAnswersTheAgent() async throws {
        try await withFakeSearXNGServer(fallback: .results(Self.hits)) { server in
            try await withTemporaryDirectory { dir in
                try Self.project(dir, config: "web_search: {provider: searxng, url: '\(server.baseURL)', max_results: 3}\n")
                let config = try Self.configuration(dir)
                let project = try await ProjectLoader().load(config)
                #expect(project.tools.tool(named: "web_search")?.spec.parameters["properties"]?["max_results"]?["description"]
                        == "How many results (default 3).")
                let (chat, result) = try await Self.askToSearch(config)
                #expect(chat.run.status == .completed)
                #expect(result?.isError == false)
                let output = try JSONValue(parsing: chat.response)
                #expect(output == ["query": "swift server", "provider": "searxng", "results": [
                    ["title": "Swift on Server", "url": "https://swift.org/server/", "snippet": "Run Swift on Linux.", "published": "2024-05-01"],
                    ["title": "Vapor", "url": "https://vapor.codes", "snippet": "A web framework."],
                ]])
                #expect(server.requests.map { $0.query["q"] } == ["swift server"])
                #expect(server.failures.isEmpty)
            }
        }
    }

    @Test func aBraveKeyComesFromTheNamedVariable() async throws {
        try await withFakeBraveServer(apiKey: "team-key", fallback: .results(Self.hits)) { server in
            try await withTemporaryDirectory { dir in
                try Self.project(dir, config: "web_search: {provider: brave, url: '\(server.baseURL)', api_key_env: TEAM_BRAVE_KEY}\n")
                let config = try Self.configuration(dir)
                let (chat, result) = try await Self.askToSearch(config, environment: ["TEAM_BRAVE_KEY": "team-key"])
                #expect(result?.isError == false)
                #expect(chat.response.contains("https://vapor.codes"))
                #expect(server.requests.first?.headers["x-subscription-token"] == "team-key")
                #expect(server.requests.first?.query["count"] == "2")
            }
        }
    }

    @Test func aMissingBraveKeyIsAToolErrorTheModelReads() async throws {
        try await withFakeBraveServer { server in
            try await withTemporaryDirectory { dir in
                try Self.project(dir, config: "web_search: {provider: brave, url: '\(server.baseURL)'}\n")
                let (chat, result) = try await Self.askToSearch(try Self.configuration(dir), environment: [:])
                #expect(chat.run.status == .completed, "the run goes on: the model reads the error")
                #expect(result?.isError == true)
                #expect(result?.content.contains("web search (brave): BRAVE_API_KEY is not set: export BRAVE_API_KEY=") == true,
                        "\(result?.content ?? "")")
                #expect(server.requests.isEmpty)
            }
        }
    }
}

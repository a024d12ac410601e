import AviaryTestSupport
import Foundation
import Testing

/// `aviary validate` on an agent that names `web_search`: refused with what to add to aviary.yaml
/// when no search provider is configured, valid once one is.
@Suite struct WebSearchValidateTests {
    static func writeProject(_ dir: URL, config: String) throws {
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("agents"), withIntermediateDirectories: true)
        try ("model: openai/fake-model\n" + config).write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
        try """
            name: knowledge_agent
            instructions: Answer with the web and the knowledge base.
            tools: [web_search, rag_search]
            """.write(to: dir.appendingPathComponent("agents/knowledge_agent.yaml"), atomically: true, encoding: .utf8)
    }

    @Test func validateSaysWhatTheToolNeeds() async throws {
        try await withTemporaryDirectory { dir in
            try Self.writeProject(dir, config: "")
            let (status, _, err) = try await CLIProcess.run(["validate", "--project", dir.path], environment: [:])
            #expect(status != 0)
            #expect(err.contains("error: agent 'knowledge_agent' uses web_search, which needs a search provider: "
                                 + "add `web_search: {provider: searxng, url: …}` or `{provider: brave}` to aviary.yaml"), "\(err)")
            try Self.writeProject(dir, config: "web_search: {provider: searxng, url: 'http://127.0.0.1:8888'}\n")
            let (valid, out, validErr) = try await CLIProcess.run(["validate", "--project", dir.path], environment: [:])
            #expect(valid == 0, "\(validErr)")
            #expect(out.contains("ok  agent knowledge_agent (react, tools: web_search, rag_search)"), "\(out)")
        }
    }
}

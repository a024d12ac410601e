@testable import AviaryApp
import AviaryCore
import AviaryKnowledge
import AviaryTestSupport
import Foundation
import Testing

/// `knowledge.fetch:` in aviary.yaml sets how ingestion fetches URLs; unknown keys and bad values
/// are refused by name.
@Suite("Configuration: knowledge fetching")
struct KnowledgeSettingsTests {
    @Test func defaultsAndTheFileSetThem() async throws {
        try await withTemporaryDirectory { dir in
            #expect(try ConfigurationLoader(environment: [:]).load(project: dir).knowledgeFetch == FetchPolicy())
            try """
                knowledge:
                  fetch:
                    allow: [docs.internal, "*.corp.example", 10.20.0.0/16, "[fd00::5]"]
                    max_bytes: 1000000
                    timeout_seconds: 2.5
                    max_redirects: 0
                    robots: false
                    user_agent: "AcmeBot/2.0 (+https://acme.example/bot)"
                """.write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
            let policy = try ConfigurationLoader(environment: [:]).load(project: dir).knowledgeFetch
            #expect(policy == FetchPolicy(allow: try FetchAllowlist(["docs.internal", "*.corp.example", "10.20.0.0/16", "fd00::5"]),
                                          maxBytes: 1_000_000, timeout: .milliseconds(2500), maxRedirects: 0, respectRobots: false,
                                          userAgent: "AcmeBot/2.0 (+https://acme.example/bot)"))
            #expect(policy.robotsToken == "AcmeBot")
        }
    }

    @Test func unknownKeysAndBadValuesAreRefusedByName() async throws {
        try await withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("aviary.yaml")
            for (yaml, named) in [
                ("knowledge: {embeddings: {}}", "knowledge.embeddings"),
                ("knowledge: {fetch: {allowed: []}}", "knowledge.fetch.allowed"),
                ("knowledge: {fetch: []}", "knowledge.fetch"),
                ("knowledge: {fetch: {allow: docs.internal}}", "knowledge.fetch.allow"),
                ("knowledge: {fetch: {allow: [\"http://docs.internal\"]}}", "http://docs.internal"),
                ("knowledge: {fetch: {allow: [10.0.0.0/33]}}", "knowledge.fetch.allow"),
                ("knowledge: {fetch: {allow: [42]}}", "knowledge.fetch.allow"),
                ("knowledge: {fetch: {max_bytes: 0}}", "knowledge.fetch.max_bytes"),
                ("knowledge: {fetch: {timeout_seconds: 0}}", "knowledge.fetch.timeout_seconds"),
                ("knowledge: {fetch: {max_redirects: 1.5}}", "knowledge.fetch.max_redirects"),
                ("knowledge: {fetch: {robots: maybe}}", "knowledge.fetch.robots"),
                ("knowledge: {fetch: {user_agent: \"\"}}", "knowledge.fetch.user_agent"),
                ("knowledge: {fetch: {user_agent: \"Bot\\r\\nX-Injected: 1\"}}", "knowledge.fetch.user_agent"),
                ("knowledge: 3", "knowledge"),
            ] {
                try "\(yaml)\n".write(to: file, atomically: true, encoding: .utf8)
                let error = #expect(throws: ConfigurationError.self, "\(yaml)") { try ConfigurationLoader(environment: [:]).load(project: dir) }
                #expect(error?.description.contains(named) == true, "\(yaml): \(error?.description ?? "")")
            }
        }
    }
}

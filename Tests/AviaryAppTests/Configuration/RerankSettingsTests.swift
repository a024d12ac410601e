@testable import AviaryApp
import AviaryCore
import AviaryTestSupport
import Foundation
import Testing

/// `knowledge.rerank:` in aviary.yaml: both providers read with their defaults, and every bad
/// setting refused by the key's name.
@Suite("Configuration: knowledge reranking")
struct RerankSettingsTests {
    private func load(_ yaml: String, in dir: URL) throws -> AviaryConfiguration {
        try "\(yaml)\n".write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
        return try ConfigurationLoader(environment: [:]).load(project: dir)
    }

    @Test func bothProvidersAreRead() async throws {
        try await withTemporaryDirectory { dir in
            #expect(try ConfigurationLoader(environment: [:]).load(project: dir).knowledgeRerank == nil, "no reranker by default")
            let endpoint = try load("""
                knowledge:
                  rerank:
                    provider: endpoint
                    base_url: http://127.0.0.1:8787/v1
                    model: bge-reranker-v2-m3
                    api_key_env: RERANK_API_KEY
                    timeout_seconds: 2.5
                    candidates: 30
                """, in: dir)
            #expect(endpoint.knowledgeRerank == RerankSettings(provider: .endpoint(RerankEndpoint(
                baseURL: "http://127.0.0.1:8787/v1", model: "bge-reranker-v2-m3", apiKeyEnv: "RERANK_API_KEY", timeout: .milliseconds(2500))),
                candidates: 30))
            let minimal = try load("knowledge: {rerank: {provider: endpoint, base_url: \"https://api.cohere.com/v2\", model: rerank-v3.5}}", in: dir)
            #expect(minimal.knowledgeRerank == RerankSettings(provider: .endpoint(RerankEndpoint(baseURL: "https://api.cohere.com/v2", model: "rerank-v3.5"))))
            #expect(try load("knowledge: {rerank: {provider: llm, model: openai/gpt-4o-mini}}", in: dir).knowledgeRerank
                == RerankSettings(provider: .llm(model: "openai/gpt-4o-mini")))
            #expect(try load("profiles: {fast: openai/gpt-4o-mini}\nknowledge: {rerank: {provider: llm, model: fast, candidates: 10}}", in: dir).knowledgeRerank
                == RerankSettings(provider: .llm(model: "fast"), candidates: 10), "a profile is a model reference too")
            #expect(try load("knowledge: {fetch: {robots: false}, rerank: null}", in: dir).knowledgeRerank == nil)
            #expect(try load("profiles: {small: local/smollm2-135m}\nknowledge: {rerank: {provider: llm, model: small}}", in: dir).judgesWithLocalModel,
                    "an LLM judge on the embedded model needs it running")
            #expect(try !load("knowledge: {rerank: {provider: llm, model: openai/gpt-4o-mini}}", in: dir).judgesWithLocalModel)
        }
    }

    @Test func badSettingsAreRefusedByName() async throws {
        try await withTemporaryDirectory { dir in
            for (yaml, named) in [
                ("knowledge: {rerank: {provider: endpoint, base_url: \"http://h/v1\", model: m, top_n: 5}}", "unknown key 'knowledge.rerank.top_n'"),
                ("knowledge: {rerank: {base_url: \"http://h/v1\", model: m}}", "knowledge.rerank.provider: required: endpoint or llm"),
                ("knowledge: {rerank: {provider: cohere, base_url: \"http://h/v1\", model: m}}", "knowledge.rerank.provider: expected endpoint or llm, got 'cohere'"),
                ("knowledge: {rerank: {provider: endpoint, base_url: \"http://h/v1\"}}", "knowledge.rerank.model: required"),
                ("knowledge: {rerank: {provider: llm}}", "knowledge.rerank.model: required: a model reference"),
                ("knowledge: {rerank: {provider: endpoint, model: m}}", "knowledge.rerank.base_url: required for provider endpoint"),
                ("knowledge: {rerank: {provider: endpoint, base_url: \"ftp://h\", model: m}}", "knowledge.rerank.base_url: expected an http:// or https:// URL"),
                ("knowledge: {rerank: {provider: endpoint, base_url: \"http://h/v1\", model: \" \"}}", "knowledge.rerank.model: is blank"),
                ("knowledge: {rerank: {provider: endpoint, base_url: \"http://h/v1\", model: m, timeout_seconds: 0}}", "knowledge.rerank.timeout_seconds"),
                ("knowledge: {rerank: {provider: endpoint, base_url: \"http://h/v1\", model: m, candidates: 101}}", "knowledge.rerank.candidates"),
                ("knowledge: {rerank: {provider: endpoint, base_url: \"http://h/v1\", model: m, api_key_env: 7}}", "knowledge.rerank.api_key_env: expected text"),
                ("knowledge: {rerank: {provider: llm, model: openai/gpt-4o-mini, base_url: \"http://h/v1\"}}", "knowledge.rerank.base_url: only for provider endpoint"),
                ("knowledge: {rerank: {provider: llm, model: gpt-4o-mini}}", "knowledge.rerank.model: 'gpt-4o-mini' is neither a profile"),
                ("knowledge: {rerank: endpoint}", "knowledge.rerank: expected a mapping"),
            ] {
                let error = #expect(throws: ConfigurationError.self, "\(yaml)") { try load(yaml, in: dir) }
                #expect(error?.description.contains(named) == true, "\(yaml): \(error?.description ?? "")")
            }
        }
    }
}

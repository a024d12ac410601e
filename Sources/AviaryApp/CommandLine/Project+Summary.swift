import AviaryCore
import AviaryRuntime

extension Project {
    /// What `aviary validate` prints for a valid project: one line per agent (kind and tools) and
    /// per workflow (version and nodes), the knowledge reranker when one is configured, then the counts.
    public var summaryLines: [String] {
        catalog.all.map { "ok  agent \($0.name) (\($0.kind.rawValue), tools: \($0.tools.joined(separator: ", ")))" }
            + workflows.map { "ok  workflow \($0.name) \($0.version) (\($0.file), \($0.nodes.count) nodes)" }
            + rerankerLine
            + ["\(catalog.all.count) agents, \(tools.names.count) tools\(workflows.isEmpty ? "" : ", \(workflows.count) workflows"): valid"]
    }

    /// `knowledge.rerank:` as `aviary validate` shows it (empty without one).
    private var rerankerLine: [String] {
        guard let rerank = configuration.knowledgeRerank else { return [] }
        let candidates = rerank.candidates.map { ", \($0) candidates" } ?? ""
        switch rerank.provider {
        case .endpoint(let e): return ["ok  knowledge reranker: endpoint \(e.model) at \(e.baseURL)\(candidates)"]
        case .llm(let model): return ["ok  knowledge reranker: llm judge \(model)\(candidates)"]
        }
    }
}

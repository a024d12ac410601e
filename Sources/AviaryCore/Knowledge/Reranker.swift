/// Reorders retrieved passages by how well each answers a query: a cross-encoder endpoint or an
/// LLM judge, run over the fused candidates before the top k are cut.
public protocol Reranker: Sendable {
    /// The reranker's name, reported with results.
    var name: String { get }
    /// A relevance score per passage (higher is better), in the passages' order.
    func scores(query: String, passages: [String]) async throws -> [Double]
}

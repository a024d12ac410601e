/// A text embedding model: turns texts into vectors whose cosine similarity measures how close
/// their meanings are. Retrieval embeds chunks as passages and questions as queries (models such
/// as e5 are trained with a different prefix for each).
public protocol EmbeddingModel: Sendable {
    /// The model's name, stored beside each vector (vectors of different models are never compared).
    var name: String { get }
    /// Embeds `texts` (in order, one vector each) as `kind`.
    func embed(_ texts: [String], as kind: EmbeddingInputKind) async throws -> [[Float]]
}

/// What a text to embed is.
public enum EmbeddingInputKind: String, Sendable, Hashable {
    /// A question or search query.
    case query
    /// A passage of a document to be retrieved.
    case passage
}

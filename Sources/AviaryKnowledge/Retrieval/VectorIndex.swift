/// Nearest neighbours by cosine similarity over a set of vectors: the seam an approximate index
/// or an external vector database can replace. ``ExactVectorIndex`` compares the query with
/// every vector (exact, SIMD), which is fast enough for a namespace of a few hundred thousand chunks.
public protocol VectorIndex: Sendable {
    /// The `k` vectors most similar to `query`, most similar first, with their cosine similarity.
    func nearest(to query: [Float], k: Int) -> [(id: String, similarity: Float)]
}

/// Exact cosine similarity with SIMD: vectors are normalised once when the index is built, so a
/// query costs one dot product per vector (`SIMD16<Float>` lanes) and a partial sort of the top k.
public struct ExactVectorIndex: VectorIndex {
    /// The number of dimensions every vector has.
    public let dimensions: Int
    private let ids: [String]
    /// The unit vectors, one after another, each padded to a multiple of 16 lanes.
    private let storage: [Float]
    private let stride: Int

    /// Builds an index of `vectors` (id and vector). Vectors of another dimension, or all zeros,
    /// are left out (they have no direction to compare).
    public init(dimensions: Int, vectors: [(id: String, vector: [Float])]) {
        self.dimensions = dimensions
        stride = (dimensions + 15) / 16 * 16
        var ids: [String] = []
        var storage: [Float] = []
        storage.reserveCapacity(vectors.count * stride)
        for (id, vector) in vectors where vector.count == dimensions {
            let norm = vector.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0, norm.isFinite else { continue }
            ids.append(id)
            storage.append(contentsOf: vector.map { $0 / norm })
            storage.append(contentsOf: repeatElement(0, count: stride - dimensions))
        }
        self.ids = ids
        self.storage = storage
    }

    /// How many vectors the index holds.
    public var count: Int { ids.count }

    public func nearest(to query: [Float], k: Int) -> [(id: String, similarity: Float)] {
        guard query.count == dimensions, k > 0, !ids.isEmpty else { return [] }
        let norm = query.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0, norm.isFinite else { return [] }
        var q = query.map { $0 / norm }
        q.append(contentsOf: repeatElement(0, count: stride - dimensions))
        var scores = [Float](repeating: 0, count: ids.count)
        storage.withUnsafeBufferPointer { all in
            q.withUnsafeBufferPointer { qp in
                for i in 0..<ids.count {
                    var sum = SIMD16<Float>()
                    var lane = 0
                    let base = i * stride
                    while lane < stride {
                        let a = SIMD16<Float>(all[(base + lane)..<(base + lane + 16)])
                        let b = SIMD16<Float>(qp[lane..<(lane + 16)])
                        sum += a * b
                        lane += 16
                    }
                    scores[i] = sum.sum()
                }
            }
        }
        let top = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : ids[$0] < ids[$1] }.prefix(k)
        return top.map { (ids[$0], scores[$0]) }
    }
}

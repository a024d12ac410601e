/// Exact cosine similarity with SIMD: vectors are normalised once when the index is built, so a
/// query costs one dot product per vector (`SIMD16<Float>` lanes) and a bounded selection of the top k.
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
        nearest(to: query, k: k, among: nil)
    }

    /// The `k` vectors most similar to `query` among those whose id is in `allowed` (all when nil),
    /// most similar first; ties go to the smaller id.
    public func nearest(to query: [Float], k: Int, among allowed: Set<String>?) -> [(id: String, similarity: Float)] {
        guard query.count == dimensions, k > 0, !ids.isEmpty else { return [] }
        let norm = query.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0, norm.isFinite else { return [] }
        var q = query.map { $0 / norm }
        q.append(contentsOf: repeatElement(0, count: stride - dimensions))
        var top = TopK(k: k)
        storage.withUnsafeBufferPointer { all in
            q.withUnsafeBufferPointer { qp in
                guard let vectors = UnsafeRawPointer(all.baseAddress), let queryLanes = UnsafeRawPointer(qp.baseAddress) else { return }
                let floatSize = MemoryLayout<Float>.stride
                for i in 0..<ids.count {
                    if let allowed, !allowed.contains(ids[i]) { continue }
                    var sum = SIMD16<Float>()
                    var lane = 0
                    let base = i * stride
                    while lane < stride {
                        let a = vectors.loadUnaligned(fromByteOffset: (base + lane) * floatSize, as: SIMD16<Float>.self)
                        let b = queryLanes.loadUnaligned(fromByteOffset: lane * floatSize, as: SIMD16<Float>.self)
                        sum += a * b
                        lane += 16
                    }
                    top.offer(i, sum.sum(), ids)
                }
            }
        }
        return top.sorted(ids).map { (ids[$0.index], $0.score) }
    }

    /// The best `k` (index, score) pairs seen, kept in a small array with its worst tracked.
    private struct TopK {
        let k: Int
        var items: [(index: Int, score: Float)] = []
        var worst = 0

        init(k: Int) {
            self.k = k
            items.reserveCapacity(k)
        }

        mutating func offer(_ index: Int, _ score: Float, _ ids: [String]) {
            if items.count < k {
                items.append((index, score))
                if items.count == k { findWorst(ids) }
                return
            }
            let w = items[worst]
            guard score > w.score || (score == w.score && ids[index] < ids[w.index]) else { return }
            items[worst] = (index, score)
            findWorst(ids)
        }

        private mutating func findWorst(_ ids: [String]) {
            worst = items.indices.min { a, b in
                items[a].score != items[b].score ? items[a].score < items[b].score : ids[items[a].index] > ids[items[b].index]
            } ?? 0
        }

        func sorted(_ ids: [String]) -> [(index: Int, score: Float)] {
            items.sorted { $0.score != $1.score ? $0.score > $1.score : ids[$0.index] < ids[$1.index] }
        }
    }
}

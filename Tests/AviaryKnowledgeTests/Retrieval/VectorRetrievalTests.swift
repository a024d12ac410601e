import AviaryKnowledge
import Testing

/// The exact vector index (cosine with SIMD, any dimension) and reciprocal rank fusion.
@Suite struct VectorRetrievalTests {
    /// A deterministic pseudo-random vector.
    static func vector(_ seed: Int, dimensions: Int) -> [Float] {
        var state = UInt64(truncatingIfNeeded: seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407)
        return (0..<dimensions).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int64(bitPattern: state >> 11) % 2_000) / 1_000 - 1
        }
    }

    static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        let dot = zip(a, b).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        let na = a.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot(), nb = b.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        return dot / (na * nb)
    }

    @Test(arguments: [3, 16, 384, 1_000])
    func theIndexFindsWhatABruteForceScanFinds(dimensions: Int) {
        let vectors = (0..<300).map { (id: "c\($0)", vector: Self.vector($0, dimensions: dimensions)) }
        let index = ExactVectorIndex(dimensions: dimensions, vectors: vectors)
        for seed in 1_000..<1_005 {
            let query = Self.vector(seed, dimensions: dimensions)
            let expected = vectors.map { ($0.id, Self.cosine($0.vector, query)) }.sorted { $0.1 > $1.1 }.prefix(5)
            let found = index.nearest(to: query, k: 5)
            #expect(found.map(\.id) == expected.map(\.0))
            for (f, e) in zip(found, expected) { #expect(abs(f.similarity - e.1) < 1e-4) }
        }
    }

    @Test func oddVectorsAreLeftOutAndOddQueriesFindNothing() {
        let index = ExactVectorIndex(dimensions: 3, vectors: [("a", [1, 0, 0]), ("zero", [0, 0, 0]), ("short", [1, 2]), ("b", [0, 2, 0])])
        #expect(index.count == 2)
        #expect(index.nearest(to: [0.1, 1, 0], k: 10).map(\.id) == ["b", "a"])
        #expect(index.nearest(to: [1, 0, 0], k: 1).first?.similarity == 1)
        #expect(index.nearest(to: [1, 0], k: 3).isEmpty && index.nearest(to: [0, 0, 0], k: 3).isEmpty && index.nearest(to: [1, 0, 0], k: 0).isEmpty)
    }

    @Test func fusionFavoursWhatBothRankingsAgreeOn() {
        let fused = ReciprocalRankFusion().fuse([["a", "b", "c"], ["c", "b", "d"]])
        // c (3rd and 1st) edges out b (2nd twice): 1/63 + 1/61 > 2/62; both beat what one ranking alone has
        #expect(fused.map(\.id) == ["c", "b", "a", "d"])
        #expect(abs(fused[0].score - (1.0 / 63 + 1.0 / 61)) < 1e-12 && abs(fused[1].score - 2.0 / 62) < 1e-12)
        // an id repeated within one ranking counts once, at its best rank
        #expect(ReciprocalRankFusion().fuse([["x", "x", "y"]]).map(\.id) == ["x", "y"])
        #expect(ReciprocalRankFusion().fuse([]).isEmpty)
        // ties keep the order of first appearance
        #expect(ReciprocalRankFusion(k: 1).fuse([["p"], ["q"]]).map(\.id) == ["p", "q"])
    }
}

/// Reciprocal rank fusion: combines rankings (lexical, vector, …) by summing `1 / (k + rank)`
/// over the rankings an item appears in, so an item ranked well by both beats one ranked first by
/// one alone, without comparing the rankings' incomparable scores. `k` (default 60, the usual
/// choice) damps the weight of the very top ranks.
public struct ReciprocalRankFusion: Sendable {
    /// The damping constant.
    public var k: Double

    /// Creates a fusion with damping `k`.
    public init(k: Double = 60) { self.k = k }

    /// The fused ranking of `rankings` (each a list of ids, best first), best first, with each
    /// id's fused score; ties keep the order of first appearance.
    public func fuse(_ rankings: [[String]]) -> [(id: String, score: Double)] {
        var scores: [String: Double] = [:]
        var firstSeen: [String: Int] = [:]
        var order = 0
        for ranking in rankings {
            var seenHere = Set<String>()
            for (rank, id) in ranking.enumerated() where seenHere.insert(id).inserted {
                scores[id, default: 0] += 1 / (k + Double(rank + 1))
                if firstSeen[id] == nil { firstSeen[id] = order; order += 1 }
            }
        }
        return scores.map { ($0.key, $0.value) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : firstSeen[$0.0, default: 0] < firstSeen[$1.0, default: 0] }
            .map { (id: $0.0, score: $0.1) }
    }
}

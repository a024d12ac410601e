import AviaryCore
import Foundation

/// A namespace's chunks as an in-memory inverted index ranked by BM25: each term's postings
/// (chunk, weighted frequency) in compressed-row form, each chunk's length normaliser
/// precomputed. A query adds up its terms' postings into one score per chunk and keeps the best
/// `limit` in a bounded heap, so its cost is the length of its terms' postings — microseconds per
/// thousand — where SQLite's `bm25()` pays a few microseconds for every matching row.
///
/// Text counts fully and the heading path half (the weights the store's full-text ranking
/// uses); `k1` 1.2, `b` 0.75, and the inverse document frequency `ln(1 + (N − n + 0.5)/(n + 0.5))`,
/// which stays positive for words in most chunks.
public struct LexicalIndex: Sendable {
    /// The chunks' IDs, in the order of their internal numbers (ascending ID).
    public let ids: [String]
    private let terms: [String: Int32]
    private let starts: [Int32]
    private let postingChunks: [UInt32]
    private let postingWeights: [Float]
    private let normalisers: [Float]
    private let tokenizer: any LexicalTokenizer

    static let k1: Float = 1.2
    static let b: Float = 0.75
    static let headingWeight: Float = 0.5
    /// The most distinct query terms ranked.
    static let maxQueryTerms = 32
    /// A term in more than this share of the chunks (and more than ``minimumCommonCount``) is
    /// common; a query of common terms only requires all of them, as the store's search does.
    static let commonShare = 0.05
    static let minimumCommonCount = 500

    /// Indexes `chunks` (sorted here by ID) with `tokenizer`.
    public init(chunks: [KnowledgeChunkText], tokenizer: any LexicalTokenizer) {
        let chunks = chunks.sorted { $0.id < $1.id }
        var vocabulary: [String: Int32] = [:]
        var postings: [[(UInt32, Float)]] = []
        var lengths: [Float] = []
        lengths.reserveCapacity(chunks.count)
        var occurrences: [(term: Int32, weight: Float)] = []
        for (n, chunk) in chunks.enumerated() {
            occurrences.removeAll(keepingCapacity: true)
            for (text, weight) in [(chunk.text, Float(1)), (chunk.headingText, Self.headingWeight)] where !text.isEmpty {
                for term in tokenizer.terms(in: text, query: false) {
                    let id: Int32
                    if let known = vocabulary[term] {
                        id = known
                    } else {
                        id = Int32(postings.count)
                        vocabulary[term] = id
                        postings.append([])
                    }
                    occurrences.append((id, weight))
                }
            }
            lengths.append(Float(occurrences.count))
            occurrences.sort { $0.term < $1.term }
            var i = 0
            while i < occurrences.count {
                var weight: Float = 0
                let term = occurrences[i].term
                while i < occurrences.count, occurrences[i].term == term { weight += occurrences[i].weight; i += 1 }
                postings[Int(term)].append((UInt32(n), weight))
            }
        }
        let average = lengths.isEmpty ? 1 : max(1, lengths.reduce(0, +) / Float(lengths.count))
        var starts: [Int32] = [0]
        starts.reserveCapacity(postings.count + 1)
        var chunkNumbers: [UInt32] = []
        var weights: [Float] = []
        let total = postings.reduce(0) { $0 + $1.count }
        chunkNumbers.reserveCapacity(total)
        weights.reserveCapacity(total)
        for list in postings {
            for (chunk, weight) in list { chunkNumbers.append(chunk); weights.append(weight) }
            starts.append(Int32(chunkNumbers.count))
        }
        ids = chunks.map(\.id)
        terms = vocabulary
        self.starts = starts
        postingChunks = chunkNumbers
        postingWeights = weights
        normalisers = lengths.map { Self.k1 * (1 - Self.b + Self.b * $0 / average) }
        self.tokenizer = tokenizer
    }

    /// How many chunks the index holds.
    public var count: Int { ids.count }
    /// How many (term, chunk) postings it holds: its size in memory is about 8 bytes each.
    public var postingCount: Int { postingChunks.count }

    /// The best `limit` chunks for `query` with their BM25 scores, best first (ties by ID), among
    /// `allowed` when given. Chunks sharing no term with the query are not returned; when every
    /// term is common (see ``commonShare``), only chunks holding all of them are.
    public func search(_ query: String, limit: Int, among allowed: Set<String>? = nil) -> [(id: String, score: Double)] {
        guard limit > 0, !ids.isEmpty else { return [] }
        var seen = Set<Int32>()
        let queryTerms = tokenizer.terms(in: query, query: true).compactMap { terms[$0] }.filter { seen.insert($0).inserted }
            .prefix(Self.maxQueryTerms)
        guard !queryTerms.isEmpty else { return [] }
        let threshold = max(Self.minimumCommonCount, Int(Double(ids.count) * Self.commonShare))
        let requiresAll = queryTerms.count > 1 && queryTerms.allSatisfy { Int(starts[Int($0) + 1] - starts[Int($0)]) > threshold }
        var matched = [UInt8](repeating: 0, count: requiresAll ? ids.count : 0)
        var scores = [Float](repeating: 0, count: ids.count)
        var touched: [UInt32] = []
        let n = Double(ids.count)
        scores.withUnsafeMutableBufferPointer { scores in
            postingChunks.withUnsafeBufferPointer { chunks in
                postingWeights.withUnsafeBufferPointer { weights in
                    normalisers.withUnsafeBufferPointer { normalisers in
                        for term in queryTerms {
                            let start = Int(starts[Int(term)]), end = Int(starts[Int(term) + 1])
                            let hits = Double(end - start)
                            // log1p in Double: positive however common the term, so a touched score is never 0
                            let idf = Float(log1p((n - hits + 0.5) / (hits + 0.5))) * (Self.k1 + 1)
                            for p in start..<end {
                                let chunk = Int(chunks[p])
                                let f = weights[p]
                                if scores[chunk] == 0 { touched.append(UInt32(chunk)) }
                                scores[chunk] += max(idf * f / (f + normalisers[chunk]), .leastNonzeroMagnitude)
                                if requiresAll { matched[chunk] &+= 1 }
                            }
                        }
                    }
                }
            }
        }
        var best = TopScores(capacity: limit)
        for chunk in touched {
            let score = scores[Int(chunk)]
            if requiresAll, Int(matched[Int(chunk)]) < queryTerms.count { continue }
            guard best.admits(score, chunk) else { continue }
            if let allowed, !allowed.contains(ids[Int(chunk)]) { continue }
            best.insert(score, chunk)
        }
        return best.descending().map { (ids[Int($0.chunk)], Double($0.score)) }
    }
}

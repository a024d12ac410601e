import AviaryCore
import Synchronization

/// A deterministic stand-in for an embedding model's judgement of meaning: each word (lower-cased,
/// letters and digits) counts in the dimension its FNV-1a hash picks, after `concepts` maps words
/// to a shared concept (`["reimbursement": "refund"]` makes the two words mean the same). Texts
/// sharing words or concepts point the same way. Counts calls and can be made to fail.
public final class HashingEmbeddingModel: EmbeddingModel, Sendable {
    public let name: String
    /// The vectors' size.
    public let dimensions: Int
    let concepts: [String: String]
    private let calls = Mutex(0)
    let failAfter: Int?

    /// Creates the model; with `failAfter`, calls after that many throw.
    public init(name: String = "test/hashing", dimensions: Int = 64, concepts: [String: String] = [:], failAfter: Int? = nil) {
        self.name = name
        self.dimensions = dimensions
        self.concepts = concepts
        self.failAfter = failAfter
    }

    /// How many times ``embed(_:as:)`` was called.
    public var callCount: Int { calls.withLock { $0 } }

    public func embed(_ texts: [String], as kind: EmbeddingInputKind) async throws -> [[Float]] {
        let n = calls.withLock { $0 += 1; return $0 }
        if let failAfter, n > failAfter { throw HashingEmbeddingFailure(call: n) }
        return texts.map(vector)
    }

    /// The vector of `text`.
    public func vector(_ text: String) -> [Float] {
        var v = [Float](repeating: 0, count: dimensions)
        for word in text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            let w = concepts[String(word)] ?? String(word)
            var hash: UInt64 = 0xcbf29ce484222325
            for byte in w.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
            v[Int(hash % UInt64(dimensions))] += 1
        }
        return v
    }
}

/// The failure of a ``HashingEmbeddingModel`` past its `failAfter`.
public struct HashingEmbeddingFailure: Error, CustomStringConvertible {
    /// The failing call's number.
    public let call: Int
    public var description: String { "the embedding server is down (call \(call))" }
}

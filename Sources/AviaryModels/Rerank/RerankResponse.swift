import AviaryCore

/// Reads a rerank endpoint's answer into one score per document, deciding the shape by the JSON:
/// an object with `results` (Cohere, Jina, llama.cpp, vLLM: `{"index", "relevance_score"}`) or a
/// top-level array (Hugging Face TEI: `{"index", "score"}`).
public enum RerankResponse {
    /// An answer that is not a rerank result list; ``reason`` names what was wrong.
    public struct Invalid: Error, Sendable, CustomStringConvertible {
        /// What was wrong, naming the field.
        public var reason: String
        public var description: String { reason }
    }

    /// The score of each of `documents` documents, in request order. Documents the answer leaves
    /// out get a score below every given one (so they keep their order after the scored ones).
    /// An index that is not a whole number in `0..<documents`, or that appears twice, is
    /// ``Invalid``; so is a score that is not a finite number.
    public static func scores(_ json: JSONValue, documents: Int) throws -> [Double] {
        let items: [JSONValue]
        let path: String
        if let list = json.arrayValue {
            items = list
            path = ""
        } else if let list = json["results"]?.arrayValue {
            items = list
            path = "results"
        } else {
            throw Invalid(reason: "expected an object with `results` (Cohere/Jina shape) or an array of {index, score} (TEI shape)")
        }
        var scores = [Double?](repeating: nil, count: documents)
        for (position, item) in items.enumerated() {
            let at = "\(path)[\(position)]"
            guard let number = item["index"]?.numberValue, number.rounded() == number, number >= 0 else {
                throw Invalid(reason: "\(at).index: expected a whole number from 0, got \(item["index"]?.jsonString ?? "nothing")")
            }
            guard number < Double(documents) else {
                throw Invalid(reason: "\(at).index: \(JSONValue.number(number).jsonString) is out of range for \(documents) documents")
            }
            let index = Int(number)
            guard let score = (item["relevance_score"] ?? item["score"])?.numberValue, score.isFinite else {
                throw Invalid(reason: "\(at): expected a number in relevance_score (or score)")
            }
            guard scores[index] == nil else { throw Invalid(reason: "\(at).index: document \(index) is scored twice") }
            scores[index] = score
        }
        let lowest = (scores.compactMap { $0 }.min() ?? 0) - 1
        return scores.map { $0 ?? lowest }
    }
}

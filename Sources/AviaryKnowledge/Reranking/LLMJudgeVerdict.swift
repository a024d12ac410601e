import AviaryCore
import AviaryRuntime
import Foundation

/// Reads an LLM judge's answer into one score per passage. Accepted, with or without Markdown code
/// fences and prose around the JSON: `{"scores": [7, 2, 9]}` (one number per passage, in order;
/// numbers given as text too), a bare array of numbers, or a list of `{"passage": n, "score": s}`
/// with `n` counted from 1 (passages it leaves out rank last). Scores are clamped to 0–10.
public enum LLMJudgeVerdict {
    /// The scores of `passages` passages in `text`; ``LLMJudgeError`` when there are none to read.
    public static func scores(in text: String, passages: Int) throws -> [Double] {
        guard let json = OutputParsing.json(from: text) else { throw LLMJudgeError("the answer holds no JSON", output: text) }
        let list: [JSONValue]
        if let array = json.arrayValue {
            list = array
        } else if let array = json["scores"]?.arrayValue {
            list = array
        } else {
            throw LLMJudgeError("the answer has no `scores` array", output: text)
        }
        if list.allSatisfy({ $0.objectValue != nil }), !list.isEmpty { return try numbered(list, passages: passages, text: text) }
        let values = try list.enumerated().map { position, item in
            guard let score = number(item) else { throw LLMJudgeError("scores[\(position)] is not a number", output: text) }
            return score
        }
        guard values.count == passages else {
            throw LLMJudgeError("the answer has \(values.count) scores for \(passages) passages", output: text)
        }
        return values
    }

    /// `[{"passage": n, "score": s}]`: placed by `n` (from 1); passages left out rank last (-1).
    private static func numbered(_ list: [JSONValue], passages: Int, text: String) throws -> [Double] {
        var scores = [Double](repeating: -1, count: passages)
        var seen = Set<Int>()
        for (position, item) in list.enumerated() {
            guard let n = (item["passage"] ?? item["id"]).flatMap(number), n.rounded() == n, n >= 1, n <= Double(passages) else {
                throw LLMJudgeError("scores[\(position)].passage is not a passage number from 1 to \(passages)", output: text)
            }
            guard let score = item["score"].flatMap(number) else { throw LLMJudgeError("scores[\(position)].score is not a number", output: text) }
            guard seen.insert(Int(n)).inserted else { throw LLMJudgeError("passage \(Int(n)) is scored twice", output: text) }
            scores[Int(n) - 1] = score
        }
        return scores
    }

    /// A finite number, or text holding one, clamped to 0–10.
    private static func number(_ value: JSONValue) -> Double? {
        let raw = value.numberValue ?? value.stringValue.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard let raw, raw.isFinite else { return nil }
        return min(max(raw, 0), 10)
    }
}

import AviaryCore
import Foundation

extension RunRecord {
    /// The run as the API shows it.
    public var wireJSON: JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(id.rawValue), "agent": .string(agent), "status": .string(status.rawValue),
            "principal": .string(principal), "input": input, "usage": usage.wire,
            "created_at": .string(createdAt.formatted(RunEvent.timeFormat)),
            "updated_at": .string(updatedAt.formatted(RunEvent.timeFormat)),
        ]
        if let sessionID { object["session_id"] = .string(sessionID) }
        if let parentRunID { object["parent_run_id"] = .string(parentRunID.rawValue) }
        if let output { object["output"] = output }
        if let error { object["error"] = .string(error) }
        return .object(object)
    }
}

extension Usage {
    /// Seed 000's metadata shape: `input_tokens`, `output_tokens`, `total_tokens`, `cost_usd`.
    public var wire: JSONValue {
        ["input_tokens": .number(Double(inputTokens)), "output_tokens": .number(Double(outputTokens)),
         "total_tokens": .number(Double(totalTokens)), "cost_usd": .number(costUSD)]
    }
}

import AviaryCore
import Foundation

extension PendingApproval {
    /// The approval as the API shows it (schema `Approval`).
    public var wireJSON: JSONValue {
        var object: [String: JSONValue] = ["run_id": .string(run.id.rawValue), "agent": .string(run.agent), "owner": .string(run.principal), "step": .string(stepKey),
         "kind": .string(request.kind.rawValue), "tool": .string(request.tool), "call_id": .string(request.callID), "arguments": request.arguments,
         "summary": .string(request.summary), "approvers": .array(request.approvers.map { .string($0.description) }),
         "requested_at": .string(request.requestedAt.formatted(RunEvent.timeFormat))]
        if let answerSchema = request.answerSchema { object["answer_schema"] = answerSchema }
        if let defaultAnswer = request.defaultAnswer { object["default_answer"] = defaultAnswer }
        if let expiresAt = request.expiresAt {
            object["expires_at"] = .string(expiresAt.formatted(RunEvent.timeFormat))
            object["on_expiry"] = .string(request.onExpiry.rawValue)
        }
        return .object(object)
    }

    /// What a run waits for, in a sentence: `Waiting for approval: <summary>; <summary>`.
    public static func waitingSentence(_ pending: [PendingApproval]) -> String {
        "Waiting for approval: " + pending.map(\.request.summary).joined(separator: "; ")
    }
}

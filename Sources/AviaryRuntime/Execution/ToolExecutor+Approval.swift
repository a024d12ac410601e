import AviaryCore
import Foundation

extension ToolExecutor {
    /// The journal key of a call's approval step.
    static func approvalKey(_ stepKey: String) -> String { stepKey + "/approval" }

    /// The rule that makes `call` wait for approval, if any: the agent's rule for the tool, else
    /// approval by the default approvers when the tool's policy is `risk: dangerous`.
    func approvalRule(for call: ToolCall, policy: ToolPolicy) -> ApprovalRule? {
        if let rule = approvals[call.name] { return rule.applies(to: call.arguments) ? rule : nil }
        return policy.risk == .dangerous ? ApprovalRule(.always) : nil
    }

    /// The request a call's approval step records (the kernel stamps its times).
    func approvalRequest(_ call: ToolCall, rule: ApprovalRule) -> ApprovalRequest {
        let shown = call.arguments.jsonString
        let arguments = shown.count > 300 ? String(shown.prefix(300)) + "…" : shown // the full arguments are in the request
        let requestedAt = run.now
        return ApprovalRequest(tool: call.name, callID: call.id, arguments: call.arguments, summary: "call '\(call.name)' with \(arguments)",
                               approvers: rule.approvers, requestedAt: requestedAt,
                               expiresAt: rule.expiresIn.map { requestedAt.addingTimeInterval($0) }, onExpiry: rule.onExpiry)
    }
}

import AviaryCore
import Foundation

extension ToolExecutor {
    /// How an approval gate let a call through.
    enum Gate {
        case approved
        case rejected(ApprovalAnswer)
    }

    /// The journal key of a call's approval step.
    static func approvalKey(_ stepKey: String) -> String { stepKey + "/approval" }

    /// The rule that makes `call` wait for approval, if any: the agent's rule for the tool, else
    /// approval by the default approvers when the tool's policy is `risk: dangerous`.
    func approvalRule(for call: ToolCall, policy: ToolPolicy) -> ApprovalRule? {
        if let rule = approvals[call.name] { return rule.applies(to: call.arguments) ? rule : nil }
        return policy.risk == .dangerous ? ApprovalRule(.always) : nil
    }

    /// The approval step of a call: the recorded answer, or — the first time — the request is
    /// recorded as a `waiting` step and the run stops waiting for it (and again when resumed
    /// before an answer).
    func approvalGate(_ call: ToolCall, stepKey: String, rule: ApprovalRule) async throws -> Gate {
        let key = Self.approvalKey(stepKey)
        if let entry = journal.entry(key) {
            let format = entry.output?["format"]?.intValue
            guard format == ApprovalRequest.format else {
                throw RuntimeError(.agentNotRunnable, """
                    step \(key) is stored in approval format \(format.map(String.init) ?? "none"), which this version does not know \
                    (it knows \(ApprovalRequest.format)); resume it with the version that stored it
                    """)
            }
            switch entry.state {
            case .completed:
                guard let answer = entry.output?["answer"].flatMap(ApprovalAnswer.init(json:)) else {
                    throw RuntimeError(.agentNotRunnable, "step \(key) is answered but its answer cannot be read")
                }
                var data: [String: JSONValue] = ["step": .string(key), "tool": .string(call.name), "call_id": .string(call.id),
                                                 "by": .string(answer.by)]
                if let reason = answer.reason { data["reason"] = .string(reason) }
                switch answer.decision {
                case .approved:
                    await journal.emit(.approvalGranted, .object(data))
                    return .approved
                case .rejected:
                    await journal.emit(.approvalDenied, .object(data))
                    return .rejected(answer)
                case .expired:
                    let request = entry.output?["request"].flatMap(ApprovalRequest.init(json:))
                    data["on_expiry"] = .string((request?.onExpiry ?? .reject).rawValue)
                    await journal.emit(.approvalExpired, .object(data))
                    if request?.onExpiry == .fail {
                        throw ApprovalExpired(message: "the approval of '\(call.name)' (step \(stepKey)) expired unanswered")
                    }
                    return .rejected(answer)
                }
            case .waiting, .started, .failed:
                throw RuntimeError(.waiting, "the call of '\(call.name)' (step \(stepKey)) waits for approval")
            }
        }
        let shown = call.arguments.jsonString
        let arguments = shown.count > 300 ? String(shown.prefix(300)) + "…" : shown // the full arguments are in the request
        let requestedAt = now()
        let request = ApprovalRequest(tool: call.name, callID: call.id, arguments: call.arguments,
                                      summary: "call '\(call.name)' with \(arguments)", approvers: rule.approvers, requestedAt: requestedAt,
                                      expiresAt: rule.expiresIn.map { requestedAt.addingTimeInterval($0) }, onExpiry: rule.onExpiry)
        await journal.emit(.approvalRequested, ["step": .string(key), "request": request.json])
        try await journal.record(key, .waiting, output: request.journalOutput())
        throw RuntimeError(.waiting, "the call of '\(call.name)' (step \(stepKey)) waits for approval")
    }
}

/// An approval request expired unanswered and its rule says the run fails.
struct ApprovalExpired: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

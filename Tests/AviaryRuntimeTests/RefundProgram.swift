import AviaryCore
import AviaryRuntime
import Foundation
import Synchronization

/// A kind of run written only here, as a library user would: look an order up (idempotent),
/// compute the refundable amount (computation), ask a person how much to refund (an input
/// interrupt with an answer schema), pay (non-idempotent) and notify through a child run.
struct RefundProgram: RunProgram {
    /// The side effects, counted.
    final class Ledger: Sendable {
        private let counts = Mutex<[String: Int]>([:])
        func count(_ name: String) -> Int { counts.withLock { $0[name, default: 0] } }
        func bump(_ name: String) -> Int { counts.withLock { $0[name, default: 0] += 1; return $0[name]! } }
    }

    struct Order: Codable, Sendable, Hashable {
        var id: String
        var total: Double
    }

    let ledger: Ledger
    /// How long the question waits, and the answer taken when nobody answers.
    var expiry: (seconds: TimeInterval, fallback: JSONValue)?

    var name: String { "refund" }

    func run(in context: RunContext) async throws -> RunResult {
        let order = try await context.step("lookup", .idempotent) {
            _ = ledger.bump("lookup")
            return Order(id: context.input["order"]?.stringValue ?? "?", total: 80)
        }
        let refundable = try await context.step("compute") { order.total / 2 }
        var question = ApprovalRequest(kind: .input, summary: "Refund how much of order \(order.id)? At most \(refundable).",
                                       answerSchema: ["type": "object", "required": ["amount"], "additionalProperties": false,
                                                      "properties": ["amount": ["type": "number", "minimum": 0, "maximum": .number(refundable)]]],
                                       approvers: [.owner])
        if let expiry {
            question.expiresAt = question.requestedAt.addingTimeInterval(expiry.seconds)
            question.onExpiry = .defaultAnswer
            question.defaultAnswer = expiry.fallback
        }
        let answer = try await context.interrupt("ask", question)
        guard let amount = answer.value?["amount"]?.numberValue, amount > 0 else {
            return RunResult(output: ["order": .string(order.id), "refunded": 0, "decision": .string(answer.decision.rawValue)])
        }
        let receipt = try await context.step("pay", .nonIdempotent) { "receipt-\(ledger.bump("pay"))" }
        let note = try await context.child("notify", program: "notify", input: ["receipt": .string(receipt)])
        return RunResult(output: ["order": .string(order.id), "refunded": .number(amount), "receipt": .string(receipt),
                                  "note": note.output ?? .null])
    }
}

/// The child program: one non-idempotent send.
struct NotifyProgram: RunProgram {
    let ledger: RefundProgram.Ledger
    var name: String { "notify" }

    func run(in context: RunContext) async throws -> RunResult {
        let receipt = context.input["receipt"]?.stringValue ?? ""
        let sent = try await context.step("send", .nonIdempotent) { "sent \(receipt) (\(ledger.bump("send")))" }
        return RunResult(output: .string(sent))
    }
}

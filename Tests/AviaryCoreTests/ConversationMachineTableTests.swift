import AviaryCore
import Foundation
import Testing

/// Every input in every state of the conversation state machine: allowed exactly where seed 003's machine allows it.
@Suite("Conversation state machine: the whole table")
struct ConversationMachineTableTests {
    // MARK: - The whole table

    enum Input: String, CaseIterable, Sendable {
        case userMessage, explicitRequest, aiAnswered, aiHandedOver, aiFailedBelowThreshold, aiFailedAtThreshold, aiFailedNoThreshold
        case assign, unassign, reply, replyByOther, resolve, resolveByOther, backToAI, backToAIByOther, slaBreached

        func apply(_ m: inout ConversationMachine) throws -> [ConversationMachine.Action] {
            switch self {
            case .userMessage: return try m.userMessage(runID: "run_1", explicitRequest: nil, now: now)
            case .explicitRequest: return try m.userMessage(runID: "run_1", explicitRequest: context(.explicitRequest), now: now)
            case .aiAnswered: return try m.aiAnswered(confidence: 0.9, now: now)
            case .aiHandedOver: return try m.aiHandedOver(context(.agentDecision), priority: 1, now: now)
            case .aiFailedBelowThreshold: return try m.aiFailed(errorThreshold: 3, handover: context(.errorThreshold), now: now)
            case .aiFailedAtThreshold: return try m.aiFailed(errorThreshold: 1, handover: context(.errorThreshold), now: now)
            case .aiFailedNoThreshold: return try m.aiFailed(errorThreshold: nil, handover: context(.errorThreshold), now: now)
            case .assign: return try m.assign(ana, now: now)
            case .unassign: return try m.unassign(now: now)
            case .reply: return try m.reply(by: "ana")
            case .replyByOther: return try m.reply(by: "bob")
            case .resolve: return try m.resolve(by: "ana", note: nil, now: now)
            case .resolveByOther: return try m.resolve(by: "bob", note: nil, now: now)
            case .backToAI: return try m.backToAI(by: "ana", note: nil, now: now)
            case .backToAIByOther: return try m.backToAI(by: "bob", note: nil, now: now)
            case .slaBreached: return try m.slaBreached(waited: 400, widenToGeneral: true, now: now)
            }
        }
    }

    /// Where each input leads from each state it applies in; every other pair is refused.
    static let table: [Input: [ConversationState: ConversationState]] = [
        .userMessage: [.new: .aiProcessing, .finished: .aiProcessing, .resolved: .aiProcessing, .backToAI: .aiProcessing,
                       .handover: .handover, .pendingHuman: .pendingHuman, .humanActive: .humanActive],
        .explicitRequest: [.new: .pendingHuman, .finished: .pendingHuman, .resolved: .pendingHuman, .backToAI: .pendingHuman,
                           .handover: .handover, .pendingHuman: .pendingHuman, .humanActive: .humanActive],
        .aiAnswered: [.aiProcessing: .finished],
        .aiHandedOver: [.aiProcessing: .pendingHuman],
        .aiFailedBelowThreshold: [.aiProcessing: .finished],
        .aiFailedAtThreshold: [.aiProcessing: .pendingHuman],
        .aiFailedNoThreshold: [.aiProcessing: .finished],
        // `handover` is only passed through on the way to the queue (never stored); assign accepts it like pending_human
        .assign: [.pendingHuman: .humanActive, .handover: .humanActive],
        .unassign: [.humanActive: .pendingHuman],
        .reply: [.humanActive: .humanActive], .replyByOther: [:],
        .resolve: [.humanActive: .resolved], .resolveByOther: [:],
        .backToAI: [.humanActive: .backToAI], .backToAIByOther: [:],
        .slaBreached: [.pendingHuman: .pendingHuman],
    ]

    static func refusalCode(_ input: Input, _ state: ConversationState) -> ConversationTransitionError.Code {
        switch (input, state) {
        case (.userMessage, .aiProcessing), (.explicitRequest, .aiProcessing): return .busy
        case (.replyByOther, .humanActive), (.resolveByOther, .humanActive), (.backToAIByOther, .humanActive): return .notAssigned
        default: return .invalidTransition
        }
    }

    @Test(arguments: ConversationState.allCases, Input.allCases)
    func everyInputInEveryState(state: ConversationState, input: Input) throws {
        let record = conversation(state)
        guard let target = Self.table[input]?[state] else {
            expectRefusal(Self.refusalCode(input, state), record, "\(input) on \(state.rawValue)", input.apply)
            return
        }
        let (m, _) = try after(record, input.apply)
        #expect(m.conversation.state == target)
        #expect(m.conversation.isHIL == target.isHIL)
        // the state changes chain from the stored state to the new one
        let changes = m.events.filter { $0.kind == .stateChanged }
        let from = changes.first?.data["from"]?.stringValue ?? state.rawValue, to = changes.last?.data["to"]?.stringValue ?? state.rawValue
        #expect(from == state.rawValue)
        #expect(to == target.rawValue)
        for (a, b) in zip(changes, changes.dropFirst()) { #expect(a.data["to"] == b.data["from"]) }
        #expect(m.events.allSatisfy { $0.time == now && $0.seq == 0 })
        if !m.events.isEmpty { #expect(m.conversation.updatedAt == now) }
    }

    @Test func theStatesAreSeed003s() {
        #expect(ConversationState.allCases.map(\.rawValue)
                == ["new", "ai_processing", "finished", "handover", "pending_human", "human_active", "resolved", "back_to_ai"])
        #expect(ConversationState.allCases.filter(\.isHIL) == [.handover, .pendingHuman, .humanActive])
    }
}

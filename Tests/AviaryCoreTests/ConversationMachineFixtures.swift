import AviaryCore
import Foundation
import Testing

/// Shared values and helpers of the conversation state machine's tests.
let t0 = Date(timeIntervalSince1970: 1_800_000_000)
let now = Date(timeIntervalSince1970: 1_800_000_600)
let ana = HumanAgent(id: "ana", tenant: "default", name: "Ana", email: "ana@example.com", status: .online,
                             skills: ["returns", "general"], createdAt: t0)

/// A stored conversation in `state`: one in `human_active` is Ana's, one in `ai_processing` has a run.
func conversation(_ state: ConversationState, _ configure: (inout ConversationRecord) -> Void = { _ in }) -> ConversationRecord {
    var c = ConversationRecord(id: "conv_1", tenant: "default", principal: "key:app", userID: "user_1", workflow: "support_hil",
                               state: state, createdAt: t0)
    if state == .humanActive { c.assignedAgentID = "ana" }
    if state == .aiProcessing { c.activeRunID = "run_0" }
    configure(&c)
    return c
}

func context(_ reason: HandoverReason, skills: [String] = [], confidence: Double? = nil) -> HandoverContext {
    HandoverContext(reason: reason, summary: "user: where is my refund?", intent: "return_request", requiredSkills: skills,
                    confidence: confidence, runID: "run_0")
}

/// The state changes recorded, as `from → to` with the reason in parentheses when there is one.
func moves(_ m: ConversationMachine) -> [String] {
    m.events.filter { $0.kind == .stateChanged }.map { e in
        let reason = e.data["reason"]?.stringValue.map { " (\($0))" } ?? ""
        return "\(e.data["from"]?.stringValue ?? "?") → \(e.data["to"]?.stringValue ?? "?")\(reason)"
    }
}

func kinds(_ m: ConversationMachine) -> [ConversationEvent.Kind] { m.events.map(\.kind) }

func data(_ m: ConversationMachine, _ kind: ConversationEvent.Kind) -> JSONValue? { m.events.first { $0.kind == kind }?.data }

typealias Actions = [ConversationMachine.Action]

/// Applies `input` to `record`: the machine after it and the actions it returned.
func after(_ record: ConversationRecord, _ input: (inout ConversationMachine) throws -> Actions) throws -> (ConversationMachine, Actions) {
    var m = ConversationMachine(record)
    let actions = try input(&m)
    return (m, actions)
}

/// Expects `input` to be refused on `record` with `code`, changing nothing.
func expectRefusal(_ code: ConversationTransitionError.Code, _ record: ConversationRecord, _ comment: Comment? = nil,
                           sourceLocation: SourceLocation = #_sourceLocation, _ input: (inout ConversationMachine) throws -> Actions) {
    var m = ConversationMachine(record)
    do {
        _ = try input(&m)
        Issue.record("allowed on \(record.state.rawValue), expected \(code)", sourceLocation: sourceLocation)
    } catch let error as ConversationTransitionError {
        #expect(error.code == code, comment, sourceLocation: sourceLocation)
        #expect(error.message.contains(record.id), sourceLocation: sourceLocation)
        #expect(m.conversation == record, "a refusal changed the conversation", sourceLocation: sourceLocation)
        #expect(m.events.isEmpty, "a refusal recorded events", sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
}

/// Seed 003's conversation state machine, every transition and every refusal.

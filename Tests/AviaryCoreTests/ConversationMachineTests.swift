import AviaryCore
import Foundation
import Testing

@Suite("Conversation state machine")
struct ConversationMachineTests {
    // MARK: - User messages

    @Test func aUserMessageStartsAnAITurn() throws {
        for state in [ConversationState.new, .finished] {
            let (m, actions) = try after(conversation(state)) { try $0.userMessage(runID: "run_1", explicitRequest: nil, now: now) }
            #expect(actions == [.startAIRun(note: nil)])
            #expect(m.conversation.state == .aiProcessing && m.conversation.activeRunID == "run_1")
            #expect(m.conversation.updatedAt == now && !m.conversation.isHIL)
            #expect(kinds(m) == [.stateChanged])
            #expect(moves(m) == ["\(state.rawValue) → ai_processing"])
        }
    }

    @Test func aUserMessageReopensAResolvedConversation() throws {
        let (m, actions) = try after(conversation(.resolved)) { try $0.userMessage(runID: "run_2", explicitRequest: nil, now: now) }
        #expect(actions == [.startAIRun(note: nil)])
        #expect(m.conversation.state == .aiProcessing && m.conversation.activeRunID == "run_2")
        #expect(moves(m) == ["resolved → ai_processing (reopened by a user message)"])
    }

    @Test func afterBackToAITheAIRunCarriesTheAgentsNote() throws {
        let note = "refund approved, tell the customer"
        var m = ConversationMachine(conversation(.backToAI) { $0.aiNote = note })
        let actions = try m.userMessage(runID: "run_3", explicitRequest: nil, now: now)
        #expect(actions == [.startAIRun(note: note)])
        #expect(m.conversation.aiNote == note, "kept until the AI answers")
        #expect(moves(m) == ["back_to_ai → ai_processing"])
        _ = try m.aiAnswered(confidence: nil, now: now)
        #expect(m.conversation.aiNote == nil)
    }

    @Test func aUserMessageWhileTheAIAnswersIsRefusedAsBusy() {
        expectRefusal(.busy, conversation(.aiProcessing)) { try $0.userMessage(runID: "run_1", explicitRequest: nil, now: now) }
        expectRefusal(.busy, conversation(.aiProcessing)) { try $0.userMessage(runID: "run_1", explicitRequest: context(.explicitRequest), now: now) }
    }

    @Test func aUserMessageWaitsWithAQueuedConversationOrGoesToItsAgent() throws {
        for state in [ConversationState.pendingHuman, .handover] {
            let record = conversation(state) { $0.pendingSince = t0 }
            let (m, actions) = try after(record) { try $0.userMessage(runID: "run_1", explicitRequest: nil, now: now) }
            #expect(actions == [.holdForAgent])
            #expect(m.conversation == record && m.events.isEmpty)
        }
        let held = conversation(.humanActive)
        let (m, actions) = try after(held) { try $0.userMessage(runID: "run_1", explicitRequest: context(.explicitRequest), now: now) }
        #expect(actions == [.deliverToAgent("ana")])
        #expect(m.conversation == held && m.events.isEmpty)
        let (_, orphan) = try after(conversation(.humanActive) { $0.assignedAgentID = nil }) {
            try $0.userMessage(runID: "run_1", explicitRequest: nil, now: now)
        }
        #expect(orphan == [.holdForAgent])
    }

    @Test func anExplicitRequestGoesStraightToTheQueue() throws {
        let request = context(.explicitRequest)
        let (m, actions) = try after(conversation(.new)) { try $0.userMessage(runID: "run_1", explicitRequest: request, priority: 1, now: now) }
        #expect(actions == [.enqueue])
        let c = m.conversation
        #expect(c.state == .pendingHuman && c.isHIL && c.activeRunID == nil)
        #expect(c.hilReason == .explicitRequest && c.handover == request)
        #expect(c.requiredSkills == ["general"], "no required skills: general")
        #expect(c.priority == 1 && c.pendingSince == now && !c.slaBreached && c.assignedAgentID == nil)
        #expect(kinds(m) == [.stateChanged, .stateChanged, .handover, .stateChanged, .queued])
        #expect(moves(m) == ["new → ai_processing", "ai_processing → handover (explicit_request)", "handover → pending_human"])
        #expect(data(m, .handover) == ["reason": "explicit_request", "required_skills": ["general"], "confidence": nil])
        #expect(data(m, .queued) == ["required_skills": ["general"], "priority": 1])
    }

    @Test func anExplicitRequestAfterAResolutionReopensIntoTheQueueAndForgetsTheNote() throws {
        let resolved = conversation(.resolved) { $0.slaBreached = true; $0.consecutiveErrors = 2; $0.aiNote = "old"; $0.priority = 4 }
        let (m, actions) = try after(resolved) {
            try $0.userMessage(runID: "run_1", explicitRequest: context(.explicitRequest, skills: ["returns"]), now: now)
        }
        #expect(actions == [.enqueue])
        #expect(moves(m) == ["resolved → ai_processing (reopened by a user message)", "ai_processing → handover (explicit_request)",
                             "handover → pending_human"])
        #expect(!m.conversation.slaBreached && m.conversation.consecutiveErrors == 0 && m.conversation.aiNote == nil)
        #expect(m.conversation.requiredSkills == ["returns"] && m.conversation.priority == 0)
    }

    // MARK: - AI turns

    @Test func anAnswerFinishesTheTurn() throws {
        let busy = conversation(.aiProcessing) { $0.consecutiveErrors = 2; $0.aiNote = "note"; $0.confidenceScore = 0.5 }
        let (m, actions) = try after(busy) { try $0.aiAnswered(confidence: 0.92, now: now) }
        #expect(actions == [])
        let c = m.conversation
        #expect(c.state == .finished && c.confidenceScore == 0.92 && c.consecutiveErrors == 0 && c.aiNote == nil && c.activeRunID == nil)
        #expect(c.updatedAt == now && !c.isHIL && c.hilReason == nil)
        #expect(kinds(m) == [.stateChanged] && moves(m) == ["ai_processing → finished"])
        let (unknown, _) = try after(busy) { try $0.aiAnswered(confidence: nil, now: now) }
        #expect(unknown.conversation.confidenceScore == 0.5, "no confidence keeps the last one")
    }

    @Test func aHandoverQueuesTheConversation() throws {
        let handover = context(.confidenceThreshold, skills: ["returns"], confidence: 0.4)
        let busy = conversation(.aiProcessing) {
            $0.slaBreached = true; $0.consecutiveErrors = 1; $0.aiNote = "note"; $0.confidenceScore = 0.9; $0.pendingSince = t0
        }
        let (m, actions) = try after(busy) { try $0.aiHandedOver(handover, priority: 2, now: now) }
        #expect(actions == [.enqueue])
        let c = m.conversation
        #expect(c.state == .pendingHuman && c.isHIL && c.hilReason == .confidenceThreshold && c.handover == handover)
        #expect(c.requiredSkills == ["returns"] && c.confidenceScore == 0.4 && c.priority == 2 && c.pendingSince == now)
        #expect(!c.slaBreached && c.consecutiveErrors == 0 && c.aiNote == nil && c.activeRunID == nil && c.assignedAgentID == nil)
        #expect(kinds(m) == [.stateChanged, .handover, .stateChanged, .queued])
        #expect(moves(m) == ["ai_processing → handover (confidence_threshold)", "handover → pending_human"])
        #expect(data(m, .handover) == ["reason": "confidence_threshold", "required_skills": ["returns"], "confidence": 0.4])
        #expect(data(m, .queued) == ["required_skills": ["returns"], "priority": 2])
    }

    @Test func anAgentDecisionWithoutSkillsOrConfidenceNeedsGeneral() throws {
        let (m, actions) = try after(conversation(.aiProcessing) { $0.confidenceScore = 0.8 }) {
            try $0.aiHandedOver(context(.agentDecision), priority: 0, now: now)
        }
        #expect(actions == [.enqueue])
        #expect(m.conversation.requiredSkills == ["general"] && m.conversation.confidenceScore == 0.8)
        #expect(moves(m).first == "ai_processing → handover (agent_decision)")
    }

    @Test func aFailureBelowTheThresholdFinishesTheTurn() throws {
        let (m, actions) = try after(conversation(.aiProcessing) { $0.consecutiveErrors = 1; $0.aiNote = "note" }) {
            try $0.aiFailed(errorThreshold: 3, handover: context(.errorThreshold), now: now)
        }
        #expect(actions == [])
        let c = m.conversation
        #expect(c.state == .finished && c.consecutiveErrors == 2 && c.activeRunID == nil && c.hilReason == nil && c.pendingSince == nil)
        #expect(c.aiNote == "note", "the agent's note waits for an AI turn that answers")
        #expect(kinds(m) == [.stateChanged] && moves(m) == ["ai_processing → finished (the AI turn failed)"])
    }

    @Test func aFailureAtTheThresholdHandsOver() throws {
        let (m, actions) = try after(conversation(.aiProcessing) { $0.consecutiveErrors = 2; $0.priority = 3 }) {
            try $0.aiFailed(errorThreshold: 3, handover: context(.errorThreshold), now: now)
        }
        #expect(actions == [.enqueue])
        let c = m.conversation
        #expect(c.state == .pendingHuman && c.hilReason == .errorThreshold && c.requiredSkills == ["general"])
        #expect(c.consecutiveErrors == 0 && c.priority == 3 && c.pendingSince == now && c.activeRunID == nil)
        #expect(kinds(m) == [.stateChanged, .handover, .stateChanged, .queued])
        #expect(moves(m) == ["ai_processing → handover (error_threshold)", "handover → pending_human"])
    }

    @Test func withoutAThresholdFailuresNeverHandOver() throws {
        let (m, actions) = try after(conversation(.aiProcessing) { $0.consecutiveErrors = 99 }) {
            try $0.aiFailed(errorThreshold: nil, handover: context(.errorThreshold), now: now)
        }
        #expect(actions == [])
        #expect(m.conversation.state == .finished && m.conversation.consecutiveErrors == 100)
    }

    @Test func aiResultsOutsideAnAITurnAreRefused() {
        for state in ConversationState.allCases where state != .aiProcessing {
            let c = conversation(state)
            expectRefusal(.invalidTransition, c, "\(state)") { try $0.aiAnswered(confidence: 0.9, now: now) }
            expectRefusal(.invalidTransition, c, "\(state)") { try $0.aiHandedOver(context(.agentDecision), priority: 0, now: now) }
            expectRefusal(.invalidTransition, c, "\(state)") { try $0.aiFailed(errorThreshold: 1, handover: context(.errorThreshold), now: now) }
            expectRefusal(.invalidTransition, c, "\(state)") { try $0.aiFailed(errorThreshold: nil, handover: context(.errorThreshold), now: now) }
        }
    }

    // MARK: - Human agents

    @Test func anAgentTakesAQueuedConversation() throws {
        let queued = conversation(.pendingHuman) { $0.pendingSince = t0; $0.priority = 1; $0.requiredSkills = ["returns"] }
        let (m, actions) = try after(queued) { try $0.assign(ana, now: now) }
        #expect(actions == [.notifyAssigned("ana")])
        let c = m.conversation
        #expect(c.state == .humanActive && c.assignedAgentID == "ana" && c.isHIL && c.pendingSince == t0 && c.updatedAt == now)
        #expect(kinds(m) == [.stateChanged, .assigned] && moves(m) == ["pending_human → human_active"])
        #expect(data(m, .assigned) == ["agent_id": "ana", "agent_name": "Ana"])
    }

    @Test func assigningAConversationSomeoneHasOrThatIsNotQueuedIsRefused() throws {
        let taken = conversation(.pendingHuman) { $0.assignedAgentID = "bob" }
        expectRefusal(.invalidTransition, taken) { try $0.assign(ana, now: now) }
        var m = ConversationMachine(taken)
        do {
            _ = try m.assign(ana, now: now)
        } catch let error as ConversationTransitionError {
            #expect(error.message.contains("agent bob has it"))
        }
        for state in ConversationState.allCases where state != .pendingHuman && state != .handover {
            expectRefusal(.invalidTransition, conversation(state), "\(state)") { try $0.assign(ana, now: now) }
        }
    }

    @Test func aRemovedAgentsConversationReturnsToTheQueueKeepingItsAge() throws {
        let (m, actions) = try after(conversation(.humanActive) { $0.pendingSince = t0 }) { try $0.unassign(now: now) }
        #expect(actions == [.release("ana"), .enqueue])
        let c = m.conversation
        #expect(c.state == .pendingHuman && c.assignedAgentID == nil && c.pendingSince == t0 && c.isHIL)
        #expect(kinds(m) == [.stateChanged, .unassigned] && moves(m) == ["human_active → pending_human (its human agent was removed)"])
        #expect(data(m, .unassigned) == ["agent_id": "ana"])
        for state in ConversationState.allCases where state != .humanActive {
            expectRefusal(.invalidTransition, conversation(state), "\(state)") { try $0.unassign(now: now) }
        }
    }

    @Test func theAssignedAgentReplies() throws {
        let held = conversation(.humanActive)
        let (m, actions) = try after(held) { try $0.reply(by: "ana") }
        #expect(actions == [])
        #expect(m.conversation == held && m.events.isEmpty)
    }

    @Test func theAssignedAgentResolves() throws {
        let (m, actions) = try after(conversation(.humanActive) { $0.hilReason = .agentDecision }) {
            try $0.resolve(by: "ana", note: "refund sent", now: now)
        }
        #expect(actions == [.release("ana"), .notifyUnassigned("ana"), .drainQueue])
        #expect(m.conversation.state == .resolved && m.conversation.assignedAgentID == nil && !m.conversation.isHIL)
        #expect(kinds(m) == [.stateChanged, .resolved] && moves(m) == ["human_active → resolved"])
        #expect(data(m, .resolved) == ["agent_id": "ana", "note": "refund sent"])
        let (silent, _) = try after(conversation(.humanActive)) { try $0.resolve(by: "ana", note: nil, now: now) }
        #expect(data(silent, .resolved) == ["agent_id": "ana", "note": nil])
    }

    @Test func theAssignedAgentGivesItBackToTheAI() throws {
        let (m, actions) = try after(conversation(.humanActive) { $0.consecutiveErrors = 2 }) {
            try $0.backToAI(by: "ana", note: "customer verified", now: now)
        }
        #expect(actions == [.release("ana"), .notifyUnassigned("ana"), .drainQueue])
        let c = m.conversation
        #expect(c.state == .backToAI && c.assignedAgentID == nil && c.aiNote == "customer verified" && c.consecutiveErrors == 0 && !c.isHIL)
        #expect(kinds(m) == [.stateChanged, .backToAI] && moves(m) == ["human_active → back_to_ai"])
        #expect(data(m, .backToAI) == ["agent_id": "ana", "note": "customer verified"])
    }

    @Test func onlyTheAssignedAgentActsAndOnlyOnAConversationItHas() {
        let held = conversation(.humanActive)
        expectRefusal(.notAssigned, held) { try $0.reply(by: "bob") }
        expectRefusal(.notAssigned, held) { try $0.resolve(by: "bob", note: nil, now: now) }
        expectRefusal(.notAssigned, held) { try $0.backToAI(by: "bob", note: "x", now: now) }
        for state in ConversationState.allCases where state != .humanActive {
            let c = conversation(state) { $0.assignedAgentID = "ana" }
            expectRefusal(.invalidTransition, c, "\(state)") { try $0.reply(by: "ana") }
            expectRefusal(.invalidTransition, c, "\(state)") { try $0.resolve(by: "ana", note: nil, now: now) }
            expectRefusal(.invalidTransition, c, "\(state)") { try $0.backToAI(by: "ana", note: nil, now: now) }
        }
    }

    // MARK: - SLA

    @Test func anSLABreachWidensToGeneralOnce() throws {
        var m = ConversationMachine(conversation(.pendingHuman) { $0.requiredSkills = ["returns"]; $0.pendingSince = t0 })
        let actions = try m.slaBreached(waited: 301.4, widenToGeneral: true, now: now)
        #expect(actions == [.enqueue])
        #expect(m.conversation.slaBreached && m.conversation.requiredSkills == ["general"] && m.conversation.state == .pendingHuman)
        #expect(m.conversation.updatedAt == now && m.conversation.pendingSince == t0)
        #expect(kinds(m) == [.slaBreached])
        #expect(data(m, .slaBreached) == ["waited_seconds": 301, "widened_to_general": true])
        let once = m.conversation
        let again = try m.slaBreached(waited: 900, widenToGeneral: true, now: now.addingTimeInterval(600))
        #expect(again == [])
        #expect(m.conversation == once && m.events.count == 1, "reported once")
    }

    @Test func anSLABreachWithoutWideningOnlyReports() throws {
        let (m, actions) = try after(conversation(.pendingHuman) { $0.requiredSkills = ["returns"] }) {
            try $0.slaBreached(waited: 400, widenToGeneral: false, now: now)
        }
        #expect(actions == [])
        #expect(m.conversation.slaBreached && m.conversation.requiredSkills == ["returns"])
        #expect(data(m, .slaBreached) == ["waited_seconds": 400, "widened_to_general": false])
        let (general, widened) = try after(conversation(.pendingHuman) { $0.requiredSkills = ["general"] }) {
            try $0.slaBreached(waited: 400, widenToGeneral: true, now: now)
        }
        #expect(widened == [], "already general: nothing to widen")
        #expect(data(general, .slaBreached) == ["waited_seconds": 400, "widened_to_general": false])
        for state in ConversationState.allCases where state != .pendingHuman {
            expectRefusal(.invalidTransition, conversation(state), "\(state)") { try $0.slaBreached(waited: 400, widenToGeneral: true, now: now) }
        }
    }

    // MARK: - A whole conversation

    @Test func seed003sPathEndToEnd() throws {
        var m = ConversationMachine(conversation(.new))
        var actions: [[ConversationMachine.Action]] = []
        actions.append(try m.userMessage(runID: "run_1", explicitRequest: nil, now: now))
        actions.append(try m.aiHandedOver(context(.agentDecision, skills: ["returns"]), priority: 0, now: now))
        actions.append(try m.assign(ana, now: now))
        actions.append(try m.backToAI(by: "ana", note: "done", now: now))
        actions.append(try m.userMessage(runID: "run_2", explicitRequest: nil, now: now))
        actions.append(try m.aiAnswered(confidence: 0.9, now: now))
        let expected: [[ConversationMachine.Action]] = [[.startAIRun(note: nil)], [.enqueue], [.notifyAssigned("ana")],
                                                         [.release("ana"), .notifyUnassigned("ana"), .drainQueue], [.startAIRun(note: "done")], []]
        #expect(actions == expected)
        #expect(moves(m) == ["new → ai_processing", "ai_processing → handover (agent_decision)", "handover → pending_human",
                             "pending_human → human_active", "human_active → back_to_ai", "back_to_ai → ai_processing",
                             "ai_processing → finished"])
    }
}

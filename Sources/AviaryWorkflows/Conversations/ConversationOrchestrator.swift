import AviaryCore
import AviaryRuntime
import Foundation

/// Seed 003's HIL orchestration service: routes each user message by the conversation's state —
/// to the conversation's AI workflow, or to the human agent who has it — and applies the state
/// machine (``ConversationMachine``) to everything that happens: AI answers and handovers, the
/// queue's assignments, human replies, resolutions and returns to the AI.
///
/// Every change is one conditional write (``ConversationStore/commit(_:)``): two requests that
/// race on one conversation never both apply, and a human agent is never given more than its
/// capacity or a conversation twice; the loser re-reads and tries again. What a change requires
/// next (an AI run, an assignment, draining the queue) happens after it is stored, so a crash in
/// between is repaired by ``recover()`` and the periodic ``maintain(now:)``.
public final class ConversationOrchestrator: Sendable {
    /// Where conversations and human agents are stored.
    public let store: any ConversationStore
    /// Wakes the streams of conversations and inboxes.
    public let signals: ChangeSignals
    let runtime: AgentRuntime
    let runner: @Sendable (RunRequest) async throws -> RunRecord
    let clock: @Sendable () -> Date

    /// The most messages of the conversation an AI turn receives as `history`.
    public static let historyLimit = 20
    /// The longest user message, in characters.
    public static let maxMessageLength = 32_000

    /// Creates an orchestrator. AI turns run through `runner` (default: the runtime, in the
    /// caller's task); the server passes its run gateway.
    public init(store: any ConversationStore, runtime: AgentRuntime, signals: ChangeSignals = ChangeSignals(),
                clock: @escaping @Sendable () -> Date = { Date() },
                runner: (@Sendable (RunRequest) async throws -> RunRecord)? = nil) {
        self.store = store
        self.runtime = runtime
        self.signals = signals
        self.clock = clock
        self.runner = runner ?? { [runtime] request in try await runtime.run(request) }
    }

    /// Starts a conversation with the HIL workflow `workflow`.
    public func start(workflow: String, tenant: String, principal: String, userID: String?, context: JSONValue? = nil,
                      metadata: JSONValue? = nil) async throws -> ConversationRecord {
        _ = try definition(workflow)
        if let context, context.objectValue == nil { throw ConversationError.invalidInput("context: expected an object") }
        let conversation = ConversationRecord(id: "conv_" + RunID.random().rawValue.replacingOccurrences(of: "run_", with: ""),
                                              tenant: tenant, principal: principal, userID: userID ?? principal, workflow: workflow,
                                              context: context, metadata: metadata, createdAt: clock())
        try await store.createConversation(conversation)
        return conversation
    }

    /// A tenant's conversation.
    public func conversation(_ id: String, tenant: String) async throws -> ConversationRecord {
        guard let c = try await store.loadConversation(id, tenant: tenant) else { throw ConversationError.unknownConversation(id) }
        return c
    }

    /// Handles a user's message: an AI turn (answered when it returns), a handover the user asked
    /// for, or a message for the human agent who has (or will have) the conversation.
    public func post(_ text: String, to id: String, tenant: String) async throws -> ConversationTurn {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ConversationError.invalidInput("text: the message is empty") }
        guard text.count <= Self.maxMessageLength else {
            throw ConversationError.invalidInput("text: at most \(Self.maxMessageLength) characters")
        }
        let current = try await conversation(id, tenant: tenant)
        let definition = try definition(current.workflow)
        let hil = definition.hil ?? HILConfig()
        let history = try await recentMessages(current)
        let runID = RunID.random().rawValue
        let explicit = hil.enabled && (hil.explicitPatterns.map { ExplicitRequestMatcher(patterns: $0).match(text) } ?? false)
        let now = clock()
        let userMessage = ConversationMessage(role: .user, text: text, createdAt: now)
        let (commit, actions) = try await change(id, tenant: tenant) { m, extra in
            var request: (HandoverContext, Int)?
            if explicit, [.new, .finished, .backToAI, .resolved].contains(m.conversation.state) {
                request = TurnOutcome.explicitRequest(definition: definition, input: self.turnInput(m.conversation, text, history),
                                                      history: history + [userMessage])
            }
            extra.messages.append(userMessage)
            let actions = try m.userMessage(runID: runID, explicitRequest: request?.0, priority: request?.1 ?? 0, now: now)
            if request != nil { extra.messages.append(ConversationMessage(role: .system, text: hil.handoverMessage, createdAt: now)) }
            return actions
        }
        if commit.conversation.state == .aiProcessing, commit.conversation.activeRunID == runID {
            return try await runTurn(commit.conversation, runID: runID, definition: definition)
        }
        try await perform(actions, commit.conversation)
        let after = try await conversation(id, tenant: tenant)
        return ConversationTurn(conversation: after, replies: Array(commit.messages.dropFirst()), handedOver: actions.contains(.enqueue))
    }

    /// The HIL workflow `name` of the project.
    func definition(_ name: String) throws -> WorkflowDefinition {
        guard let program = runtime.registeredProgram(named: name) as? WorkflowProgram else { throw ConversationError.unknownWorkflow(name) }
        guard program.definition.hil != nil else { throw ConversationError.notConversational(name) }
        return program.definition
    }

    /// The input of an AI turn: `{message, conversation_id, user_id, transcript, note}` (`transcript`:
    /// the messages before this one, `{role, text}`, oldest first; `note`: a human agent's note for the AI).
    func turnInput(_ c: ConversationRecord, _ text: String, _ history: [ConversationMessage]) -> JSONValue {
        .object(["message": .string(text), "conversation_id": .string(c.id), "user_id": .string(c.userID),
                 "transcript": .array(history.map { .object(["role": .string($0.role.rawValue), "text": .string($0.text)]) }),
                 "note": c.aiNote.map(JSONValue.string) ?? .null])
    }

    /// The conversation's last messages, oldest first.
    func recentMessages(_ c: ConversationRecord) async throws -> [ConversationMessage] {
        let all = try await store.loadConversationMessages(c.id, tenant: c.tenant, after: 0, limit: 10_000)
        return Array(all.suffix(Self.historyLimit))
    }
}

import AviaryCore
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import AviaryTestSupport
import AviaryWorkflows
import Foundation
import Synchronization
import Testing

/// A conversation orchestrator over a real store (SQLite, or PostgreSQL when the test server is
/// configured), answering with seed 003's support workflow: `classify` finds the intent and the
/// confidence in the message, the `helper` agent (a scripted model) answers, and a technical
/// issue ends in `HANDOVER`.
struct ConversationFixture {
    let orchestrator: ConversationOrchestrator
    let runtime: AgentRuntime
    let store: any ConversationStore
    let clock: TestClock
    let modelCalls: ModelCalls

    /// The engines the suite runs on: SQLite always, PostgreSQL when configured (and under CI).
    enum Backend: String, Sendable, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres
        static var all: [Backend] {
            FreshPostgresDatabase.serverURL != nil || ProcessInfo.processInfo.environment["CI"] == "true" ? [.sqlite, .postgres] : [.sqlite]
        }
        var testDescription: String { rawValue }
    }

    /// The messages the model was asked about, in order.
    final class ModelCalls: Sendable {
        private let list = Mutex<[String]>([])
        func append(_ s: String) { list.withLock { $0.append(s) } }
        var all: [String] { list.withLock { $0 } }
    }

    /// A clock tests move by hand.
    final class TestClock: Sendable {
        private let value = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        var now: Date { value.withLock { $0 } }
        func advance(_ seconds: Double) { value.withLock { $0 = $0.addingTimeInterval(seconds) } }
    }

    static let workflow = """
        name: support_hil
        version: 2.0.0
        hil_config:
          enabled: true
          handover_triggers:
            - type: confidence_threshold
              threshold: 0.7
            - type: explicit_request
              patterns: ["speak to human", "talk to agent", "escalate"]
            - type: agent_decision
            - type: error_threshold
              consecutive_errors: 2
          sla:
            pending: 5m
            widen_to_general: true
        workflow:
          nodes:
            - id: classify
              expression: "{intent: contains(input.message, 'refund') && 'return_request' || (contains(input.message, 'crash') && 'technical_issue' || 'question'), confidence: contains(input.message, 'maybe') && `0.4` || `0.9`}"
            - id: answer
              agent: helper
            - id: FINISH
              type: sink
            - id: HANDOVER
              type: sink
              action: handover_to_human
              config:
                required_skills: "{{ classify.output.intent == 'return_request' && ['returns'] || (classify.output.intent == 'technical_issue' && ['technical'] || ['general']) }}"
                priority: "{{ classify.output.intent == 'technical_issue' && `2` || `0` }}"
          edges:
            - from: classify
              to: answer
            - from: answer
              to: HANDOVER
              when: "classify.output.intent == 'technical_issue'"
            - from: answer
              to: FINISH
              when: "classify.output.intent != 'technical_issue'"
        """

    static func with<T>(_ backend: Backend = .sqlite, _ body: (ConversationFixture) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite:
            return try await withTemporaryDirectory { dir in
                let storage = try await SQLiteStorage.open(path: dir.appendingPathComponent("aviary.sqlite").path)
                defer { Task { try? await storage.close() } }
                return try await body(try make(storage.store))
            }
        case .postgres:
            return try await FreshPostgresDatabase.with { url in
                let storage = try await PostgresStorage.open(.init(url: url))
                do {
                    let result = try await body(try make(storage.store))
                    try await storage.close()
                    return result
                } catch {
                    try? await storage.close()
                    throw error
                }
            }
        }
    }

    private static func make(_ store: SQLStore) throws -> ConversationFixture {
        let calls = ModelCalls()
        let model = FunctionModel { request in
            let text = request.messages.map(\.text).joined(separator: "\n")
            calls.append(text)
            if text.contains("fail") { throw ModelDown() }
            return .text("AI answer")
        }
        let definition = try WorkflowFixture.definition(workflow, agents: ["helper"])
        let runtime = AgentRuntime(catalog: AgentCatalog([AgentDefinition(name: "helper", instructions: "Help the customer.", tools: [])]),
                                   tools: ToolRegistry([]), models: SingleModelProvider(model), runs: store, sessions: store,
                                   programs: [try WorkflowProgram(definition)], leasing: RunLeasing(owner: "conversation-tests"))
        let clock = TestClock()
        let orchestrator = ConversationOrchestrator(store: store, runtime: runtime, clock: { clock.now })
        return ConversationFixture(orchestrator: orchestrator, runtime: runtime, store: store, clock: clock, modelCalls: calls)
    }

    /// Starts a conversation of user `user`.
    func start(_ user: String = "u1") async throws -> ConversationRecord {
        try await orchestrator.start(workflow: "support_hil", tenant: "acme", principal: "key:app", userID: user)
    }

    /// Adds an agent.
    @discardableResult
    func agent(_ name: String, skills: [String], capacity: Int = 5, status: HumanAgent.Status = .online) async throws -> HumanAgent {
        try await orchestrator.createAgent(tenant: "acme", name: name, email: "\(name.lowercased())@shop.test", skills: skills,
                                           maxCapacity: capacity, status: status, principal: "key:\(name.lowercased())")
    }

    /// The conversation's event kinds, in order.
    func eventKinds(_ id: String) async throws -> [String] {
        try await store.loadConversationEvents(id, tenant: "acme", after: 0, limit: 1_000).map(\.kind.rawValue)
    }

    /// The conversation's messages as `role: text`.
    func transcript(_ id: String) async throws -> [String] {
        try await store.loadConversationMessages(id, tenant: "acme", after: 0, limit: 1_000).map { "\($0.role.rawValue): \($0.text)" }
    }
}

/// The scripted model's failure.
struct ModelDown: Error {}

import AviaryCore
import AviaryHTTP
import AviaryRuntime
import AviaryTesting
import AviaryWorkflows
import Foundation
import NIOHTTP1
import Testing

/// A server answering conversations with a small HIL workflow: `classify` reads the intent and
/// the confidence from the message (no model), `answer` is the `helper` agent (a scripted model),
/// and a technical issue ends in `HANDOVER`. Keys: `user` (alice), `admin`, and operators `rita`
/// and `gus`, linked to human agents by their principals.
struct ConversationServer {
    let fx: ServerFixture
    let user: String, admin: String, rita: String, gus: String

    static let workflow = """
        name: support_hil
        hil_config:
          handover_triggers:
            - {type: confidence_threshold, threshold: 0.7}
            - {type: explicit_request, patterns: ["speak to human"]}
            - {type: agent_decision}
        workflow:
          nodes:
            - id: classify
              expression: "{intent: contains(input.message, 'refund') && 'return_request' || (contains(input.message, 'crash') && 'technical_issue' || 'question'), confidence: contains(input.message, 'maybe') && `0.4` || `0.9`}"
            - {id: answer, agent: helper}
            - id: HANDOVER
              type: sink
              required_skills: "{{ classify.output.intent == 'return_request' && ['returns'] || ['technical'] }}"
          edges:
            - {from: classify, to: answer}
            - {from: answer, to: HANDOVER, when: "classify.output.intent == 'technical_issue'"}
            - {from: answer, to: FINISH, when: "classify.output.intent != 'technical_issue'"}
        """

    static func with(chatWorkflow: Bool = false, _ body: @Sendable (ConversationServer) async throws -> Void) async throws {
        let definition = try WorkflowLoader().load(yaml: workflow, file: "workflows/support_hil.yaml", defaultName: "support_hil")
        let model = FunctionModel { request in
            let text = request.messages.map(\.text).joined(separator: "\n")
            if let note = text.range(of: "NOTE:") { return .text("AI answer after \(text[note.lowerBound...].prefix(20))") }
            return .text("AI answer")
        }
        try await ServerFixture.with(agents: [AgentDefinition(name: "helper", instructions: "Help.", tools: [])], model: model,
                                     programs: [try WorkflowProgram(definition)],
                                     configure: { if chatWorkflow { $0.chatWorkflow = "support_hil" } }) { fx in
            let server = ConversationServer(fx: fx, user: try await fx.key(role: .user, principal: "alice"),
                                            admin: try await fx.key(role: .admin, principal: "boss"),
                                            rita: try await fx.key(role: .operator, principal: "rita"),
                                            gus: try await fx.key(role: .operator, principal: "gus"))
            try await body(server)
        }
    }

    /// Creates a human agent as the admin; `principal` links an operator key to it.
    @discardableResult
    func agent(_ name: String, skills: [String], capacity: Int = 5, status: String = "online", principal: String?) async throws -> String {
        var body: [String: JSONValue] = ["name": .string(name), "email": .string("\(name.lowercased())@shop.test"),
                                         "skills": .array(skills.map(JSONValue.string)), "max_capacity": .number(Double(capacity)),
                                         "status": .string(status)]
        if let principal { body["principal"] = .string(principal) }
        let created = try await fx.call(.POST, "/api/v1/hil/agents", key: admin, json: .object(body))
        #expect(created.status == 201, "\(created.text)")
        return try #require(created.json?["id"]?.stringValue)
    }

    /// The frames of a finished (`follow=false`) event stream: (id, event, data JSON).
    static func frames(_ text: String) -> [(id: Int, event: String, data: JSONValue)] {
        text.components(separatedBy: "\n\n").compactMap { block in
            var id: Int?, event: String?, data = ""
            for line in block.split(separator: "\n") {
                if line.hasPrefix("id: ") { id = Int(line.dropFirst(4)) }
                if line.hasPrefix("event: ") { event = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data += line.dropFirst(6) }
            }
            guard let id, let event, let json = try? JSONValue(parsing: data) else { return nil }
            return (id, event, json)
        }
    }

    /// Checks every frame of a stream against the API contract.
    static func expectFramesFollowContract(_ text: String, path: String) {
        for block in text.components(separatedBy: "\n\n") {
            let data = block.split(separator: "\n").filter { $0.hasPrefix("data: ") }.map { $0.dropFirst(6) }.joined()
            guard !data.isEmpty else { continue }
            #expect(APIContract.bundled.frameViolations(method: "GET", path: path, status: 200, data: data) == [], "\(data)")
        }
    }
}

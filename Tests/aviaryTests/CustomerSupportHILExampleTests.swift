import AsyncHTTPClient
import AviaryCore
import AviaryTesting
import AviaryTestSupport
import Foundation
import NIOHTTP1
import Testing

/// `Examples/customer-support-hil`, seed 003's `customer_support_hil` workflow with its HIL
/// meta-workflow, driven end to end over HTTP against a real `aviary serve`: a fake OpenAI server's
/// scripted replies stand in for the three agents of each AI turn, an admin creates two human
/// agents (Rita: returns and general, capacity 1; Theo: technical), and their operator keys act as
/// them. One day of conversations — answered by the AI, handed over by confidence, by the workflow
/// and by the customer's request, queued, drained, answered by a person, given back to the AI,
/// resolved — with the server killed in the middle and started again.
@Suite struct CustomerSupportHILExampleTests {
    @Test func aDayOfConversationsWithTwoHumanAgentsSurvivesARestart() async throws {
        try await withTemporaryDirectory { dir in
            let project = try HILExampleServer.copyExample(to: dir)
            try await withFakeOpenAIServer { model in
                let env = ["OPENAI_API_KEY": "x", "OPENAI_BASE_URL": model.baseURL, "AVIARY_PORT": "0"]
                let keys = try await HILExampleServer.createKeys(project, env: env)
                let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
                defer { _ = client.shutdown() }
                let first = try await HILExampleServer.start(project, env: env, client: client)
                defer { first.killIfRunning() }

                var day = HILScenario(api: first, keys: keys, model: model)
                try await day.createAgents()
                try await day.answeredByTheAI()                 // a
                try await day.lowConfidenceReturnGoesToRita()   // b
                try await day.ritasReplyReachesTheCustomer()    // e
                try await day.queuedWhileRitaIsFull()           // d (queue), g (resolve), d (drain)
                try await day.explicitRequestSkipsTheModel()    // c
                try await day.backToAIWithANote()               // f
                try await day.openWorkBeforeTheRestart()

                // h: killed with a conversation assigned to each agent and one in the queue
                let before = try await day.snapshot()
                await first.stop(SIGKILL)
                let (listed, out, err) = try await CLIProcess.run(["hil", "queue", "--json", "--project", project.path], environment: env)
                #expect(listed == 0, "\(err)")
                let queued = out.split(separator: "\n").compactMap { try? JSONValue(parsing: String($0)) }
                #expect(queued.map { $0["id"]?.stringValue } == [day.tent], "the CLI reads the queue from the database: \(out)")

                let second = try await HILExampleServer.start(project, env: env, client: client)
                defer { second.killIfRunning() }
                day.api = second
                try await day.nothingLost(before)
                try await day.operatorsContinue()
                #expect(model.failures.isEmpty, "\(model.failures)")
                #expect(model.script.remainingReplies.isEmpty, "every scripted model reply was used")
                await second.stop(SIGTERM)
            }
        }
    }
}

/// The conversations of ``CustomerSupportHILExampleTests``, step by step.
struct HILScenario {
    var api: HILExampleServer
    let keys: HILExampleServer.Keys
    let model: FakeOpenAIServer
    var rita = "", theo = ""
    /// Conversations: the shoes (b), the jacket (d, f), the explicit request (c), the app crash and the tent (h).
    var shoes = "", jacket = "", human = "", crash = "", tent = ""

    static let handoverMessage = "Thanks for your patience. I'm passing you to a member of our support team, who will reply here shortly."
    static let note = "Return RET-4521 is open; the prepaid label went to the customer by email."

    /// Scripts one AI turn: the workflow runs classify_intent, handle_request and evaluate_confidence
    /// one after the other, each one model call.
    func aiTurn(intent: String, confidence: Double, answer: String, rating: Double, reason: String = "Checked against the policies.") {
        model.enqueue(.text(#"{"intent":"\#(intent)","confidence":\#(confidence)}"#), .text(answer),
                      .text(#"{"confidence":\#(rating),"reason":"\#(reason)"}"#))
    }

    /// Starts a conversation with its first message, as the customer.
    func start(_ message: String) async throws -> JSONValue {
        let answer = try await api.post("/api/v1/conversations", key: keys.customer,
                                        ["workflow": "customer_support_hil", "message": .string(message)])
        #expect(answer.status == 201, "\(answer.text)")
        return answer.json
    }

    /// The customer's next message.
    func say(_ id: String, _ text: String) async throws -> JSONValue {
        let answer = try await api.post("/api/v1/conversations/\(id)/messages", key: keys.customer, ["text": .string(text)])
        #expect(answer.status == 200, "\(answer.text)")
        return answer.json
    }

    func conversation(_ id: String) async throws -> JSONValue {
        let answer = try await api.get("/api/v1/conversations/\(id)", key: keys.admin)
        #expect(answer.status == 200, "\(answer.text)")
        return answer.json
    }

    /// A human agent's action (`reply`, `resolve`, `back-to-ai`) with its operator key.
    func act(_ action: String, _ id: String, key: String, _ body: JSONValue? = nil) async throws -> JSONValue {
        let answer = try await api.post("/api/v1/hil/conversations/\(id)/\(action)", key: key, body)
        #expect(answer.status == 200, "\(action) \(id): \(answer.text)")
        return answer.json
    }

    /// Each human agent's `current_load`, by name.
    func loads() async throws -> [String: Int] {
        let agents = try await api.get("/api/v1/hil/agents", key: keys.theo).json["agents"]?.arrayValue ?? []
        return Dictionary(uniqueKeysWithValues: agents.map { ($0["name"]?.stringValue ?? "?", $0["current_load"]?.intValue ?? -1) })
    }

    /// The conversations waiting in the queue.
    func queue() async throws -> [String] {
        let items = try await api.get("/api/v1/hil/queue", key: keys.rita).json["items"]?.arrayValue ?? []
        return items.compactMap { $0["conversation_id"]?.stringValue }
    }

    static func user(_ body: JSONValue) -> String { body["messages"]?.arrayValue?.last?["content"]?.stringValue ?? "" }
    static func system(_ body: JSONValue) -> String { body["messages"]?[0]?["content"]?.stringValue ?? "" }
    static func assigned(_ c: JSONValue?) -> String? { c?["assigned_agent_id"]?.stringValue }

    /// Adds an online human agent as the admin; `principal` links an operator key to it.
    func addAgent(_ name: String, _ email: String, _ skills: [JSONValue], capacity: Int, principal: String) async throws -> String {
        let body: JSONValue = ["name": .string(name), "email": .string(email), "skills": .array(skills),
                               "max_capacity": .number(Double(capacity)), "status": "online", "principal": .string(principal)]
        let created = try await api.post("/api/v1/hil/agents", key: keys.admin, body)
        #expect(created.status == 201, "\(created.text)")
        return try #require(created.json["id"]?.stringValue)
    }

    mutating func createAgents() async throws {
        let rita = try await addAgent("Rita Returns", "rita@shop.example", ["returns", "general"], capacity: 1, principal: "key:rita")
        let theo = try await addAgent("Theo Tech", "theo@shop.example", ["technical"], capacity: 5, principal: "key:theo")
        (self.rita, self.theo) = (rita, theo)
        let refused = try await api.post("/api/v1/hil/agents", key: keys.rita, ["name": "Eve", "email": "eve@shop.example"])
        #expect(refused.status == 403, "only admins manage human agents: \(refused.text)")
    }

    /// a: the AI answers; the reply is the support agent's answer (the FINISH sink's input).
    func answeredByTheAI() async throws {
        let answer = "Standard shipping takes 3 to 5 business days."
        let before = model.requestBodies.count
        aiTurn(intent: "general_question", confidence: 0.93, answer: answer, rating: 0.9)
        let turn = try await start("Hi! How long does standard shipping take?")
        #expect(turn["conversation"]?["state"] == "finished")
        #expect(turn["handed_over"] == false)
        #expect(turn["replies"]?.arrayValue?.count == 1)
        #expect(turn["replies"]?[0]?["role"] == "ai")
        #expect(turn["replies"]?[0]?["text"] == .string(answer))
        #expect(turn["conversation"]?["confidence_score"] == 0.9, "the lowest confidence of the turn")
        let calls = Array(model.requestBodies.dropFirst(before))
        #expect(calls.count == 3)
        guard calls.count == 3 else { return }
        #expect(Self.system(calls[0]).contains("You classify messages"), "classify_intent first")
        #expect(Self.user(calls[0]).contains("The customer's new message: Hi! How long does standard shipping take?"))
        #expect(Self.user(calls[1]).contains("Intent: general_question"), "handle_request second: \(Self.user(calls[1]))")
        #expect(Self.user(calls[2]).contains("Drafted answer: \(answer)"), "evaluate_confidence last: \(Self.user(calls[2]))")
    }

    /// b: the classifier is unsure (0.55 < 0.7): the return goes to Rita, who has `returns`; Theo stays free.
    mutating func lowConfidenceReturnGoesToRita() async throws {
        let draft = "You can return the shoes within 30 days of delivery."
        aiTurn(intent: "return_request", confidence: 0.55, answer: draft, rating: 0.85)
        let turn = try await start("I want to return the trail shoes from order 12345, they are too small.")
        let c = turn["conversation"]
        shoes = try #require(c?["id"]?.stringValue)
        #expect(turn["handed_over"] == true)
        #expect(turn["replies"]?[0]?["role"] == "system")
        #expect(turn["replies"]?[0]?["text"] == .string(Self.handoverMessage))
        #expect(c?["state"] == "human_active")
        #expect(c?["is_hil"] == true)
        #expect(c?["hil_reason"] == "confidence_threshold")
        #expect(c?["required_skills"] == ["returns"])
        #expect(c?["priority"] == 1)
        #expect(Self.assigned(c) == rita)
        #expect(c?["assigned_agent_name"] == "Rita Returns")
        #expect(c?["handover_context"]?["intent"] == "return_request")
        #expect(c?["handover_context"]?["confidence"] == 0.55)
        #expect(c?["handover_context"]?["outputs"]?["handle_request"] == .string(draft), "Rita sees the AI's draft")
        #expect(try await loads() == ["Rita Returns": 1, "Theo Tech": 0])
    }

    /// e: Rita's reply reaches the customer's event stream; the customer's answer goes to her inbox, not to a model.
    func ritasReplyReachesTheCustomer() async throws {
        let text = "Hi, I'm Rita from returns. I emailed you a prepaid label for order 12345."
        let replied = try await act("reply", shoes, key: keys.rita, ["text": .string(text)])
        #expect(replied["state"] == "human_active")
        let intruder = try await api.post("/api/v1/hil/conversations/\(shoes)/reply", key: keys.theo, ["text": "Hello from Theo"])
        #expect(intruder.status == 403, "only the assigned agent answers: \(intruder.text)")

        let events = try await api.events("/api/v1/conversations/\(shoes)/events", key: keys.customer)
        #expect(events.contains { $0.event == "hil.assigned" && $0.data["data"]?["agent_name"] == "Rita Returns" })
        let message = events.last { $0.event == "conversation.message" }?.data["data"]?["message"]
        #expect(message?["role"] == "human")
        #expect(message?["text"] == .string(text))
        #expect(message?["author"] == .string(rita))

        let before = model.requestBodies.count
        let thanks = try await say(shoes, "Thanks, Rita!")
        #expect(thanks["replies"]?.arrayValue?.isEmpty == true, "the answer comes from Rita, later")
        #expect(thanks["conversation"]?["state"] == "human_active")
        #expect(model.requestBodies.count == before, "a person has the conversation: no AI turn")
        let inbox = try await api.events("/api/v1/hil/inbox/events", key: keys.rita)
        #expect(inbox.contains { $0.event == "hil.assigned" && $0.data["conversation_id"] == .string(shoes) })
        #expect(inbox.last?.event == "conversation.message")
        #expect(inbox.last?.data["data"]?["message"]?["text"] == "Thanks, Rita!")
    }

    /// d, g: the evaluator is unsure, so the workflow reaches HANDOVER; Rita is full and Theo lacks
    /// `returns`, so the jacket waits — until Rita resolves the shoes, and the queue drains onto her.
    mutating func queuedWhileRitaIsFull() async throws {
        aiTurn(intent: "return_request", confidence: 0.9, answer: "Please send the jacket back with the label from My orders.", rating: 0.45,
               reason: "The order number is missing.")
        let turn = try await start("How do I send back the jacket I bought? The zipper broke.")
        let c = turn["conversation"]
        jacket = try #require(c?["id"]?.stringValue)
        #expect(turn["handed_over"] == true)
        #expect(c?["state"] == "pending_human")
        #expect(Self.assigned(c) == nil)
        #expect(c?["hil_reason"] == "agent_decision")
        #expect(c?["required_skills"] == ["returns"])
        #expect(try await queue() == [jacket])
        let item = try await api.get("/api/v1/hil/queue?skill=returns", key: keys.theo).json["items"]?[0]
        #expect(item?["handover_context"]?["outputs"]?["evaluate_confidence"]?["reason"] == "The order number is missing.")
        let taken = try await api.post("/api/v1/hil/conversations/\(jacket)/assign", key: keys.theo)
        #expect(taken.status == 409 && taken.json["error"]?["code"] == "agent_unavailable", "Theo lacks returns: \(taken.text)")
        #expect(try await loads() == ["Rita Returns": 1, "Theo Tech": 0])

        let resolved = try await act("resolve", shoes, key: keys.rita, ["note": "Prepaid label sent for order 12345."])
        #expect(resolved["state"] == "resolved")
        #expect(Self.assigned(resolved) == nil)
        let events = try await api.events("/api/v1/conversations/\(shoes)/events", key: keys.customer)
        #expect(events.contains { $0.event == "hil.resolved" && $0.data["data"]?["note"] == "Prepaid label sent for order 12345." })
        let drained = try await conversation(jacket)
        #expect(drained["state"] == "human_active", "Rita's freed capacity took the jacket at once")
        #expect(Self.assigned(drained) == rita)
        #expect(try await queue() == [])
        #expect(try await loads() == ["Rita Returns": 1, "Theo Tech": 0])
    }

    /// c: "Can I speak to a human?" hands over before any model call; only `general` can take it,
    /// and Rita is full, so it waits.
    mutating func explicitRequestSkipsTheModel() async throws {
        let before = model.requestBodies.count
        let turn = try await start("Can I speak to a human?")
        let c = turn["conversation"]
        human = try #require(c?["id"]?.stringValue)
        #expect(model.requestBodies.count == before, "no model call")
        #expect(turn["handed_over"] == true)
        #expect(turn["replies"]?[0]?["text"] == .string(Self.handoverMessage))
        #expect(c?["state"] == "pending_human")
        #expect(c?["hil_reason"] == "explicit_request")
        #expect(c?["required_skills"] == ["general"])
        #expect(try await queue() == [human])
    }

    /// f: Rita gives the jacket back to the AI with a note (and takes the waiting request); the
    /// next AI turn's support agent reads the note and the conversation so far.
    func backToAIWithANote() async throws {
        let back = try await act("back-to-ai", jacket, key: keys.rita, ["note": .string(Self.note)])
        #expect(back["state"] == "back_to_ai")
        let events = try await api.events("/api/v1/conversations/\(jacket)/events", key: keys.customer)
        #expect(events.contains { $0.event == "hil.back_to_ai" && $0.data["data"]?["note"] == .string(Self.note) })
        let taken = try await conversation(human)
        #expect(taken["state"] == "human_active")
        #expect(Self.assigned(taken) == rita)

        let answer = "Your refund reaches your card 5 to 7 business days after we receive the jacket."
        let before = model.requestBodies.count
        aiTurn(intent: "return_request", confidence: 0.92, answer: answer, rating: 0.9)
        let turn = try await say(jacket, "Great, when will I get my refund?")
        #expect(turn["conversation"]?["state"] == "finished")
        #expect(turn["replies"]?[0]?["role"] == "ai")
        #expect(turn["replies"]?[0]?["text"] == .string(answer))
        let calls = Array(model.requestBodies.dropFirst(before))
        #expect(calls.count == 3)
        guard calls.count == 3 else { return }
        let question = Self.user(calls[1])
        #expect(question.contains("Note from our team: \(Self.note)"), "the note reaches the support agent: \(question)")
        #expect(question.contains("user: How do I send back the jacket I bought? The zipper broke."), "and the transcript")
        #expect(question.contains("The customer's new message: Great, when will I get my refund?"))
    }

    /// Before the restart: a technical handover assigned to Theo, and a return waiting for Rita.
    mutating func openWorkBeforeTheRestart() async throws {
        aiTurn(intent: "technical_issue", confidence: 0.9, answer: "Please update the app and sign in again.", rating: 0.5)
        let crashed = try await start("The app crashes every time I open my orders.")["conversation"]
        crash = try #require(crashed?["id"]?.stringValue)
        #expect(crashed?["state"] == "human_active")
        #expect(crashed?["required_skills"] == ["technical"])
        #expect(Self.assigned(crashed) == theo)

        aiTurn(intent: "return_request", confidence: 0.5, answer: "You can return the tent within 30 days.", rating: 0.6)
        let leaking = try await start("My new tent leaks, I want to send it back.")["conversation"]
        tent = try #require(leaking?["id"]?.stringValue)
        #expect(leaking?["state"] == "pending_human")
        #expect(leaking?["required_skills"] == ["returns"])
        #expect(try await queue() == [tent])
        #expect(try await loads() == ["Rita Returns": 1, "Theo Tech": 1])
    }

    /// Everything a restart must keep: the conversations (state, transcript, assignment, handover) and the agents.
    func snapshot() async throws -> [String: JSONValue] {
        var all: [String: JSONValue] = [:]
        for id in [shoes, jacket, human, crash, tent] { all[id] = try await conversation(id) }
        all["agents"] = try await api.get("/api/v1/hil/agents", key: keys.admin).json
        return all
    }

    /// h: the new process serves exactly what the killed one stored.
    func nothingLost(_ before: [String: JSONValue]) async throws {
        for id in [shoes, jacket, human, crash, tent] {
            let after = try await conversation(id)
            #expect(after == before[id], "\(id) changed across the restart:\n\(before[id]?.jsonString ?? "")\n\(after.jsonString)")
        }
        #expect(try await api.get("/api/v1/hil/agents", key: keys.admin).json == before["agents"])
        #expect(try await loads() == ["Rita Returns": 1, "Theo Tech": 1])
        #expect(try await queue() == [tent])
    }

    /// h: after the restart the operators carry on, the queue drains, the AI answers again.
    func operatorsContinue() async throws {
        let fix = "Version 4.2 of the app fixes the crash; please update it."
        _ = try await act("reply", crash, key: keys.theo, ["text": .string(fix)])
        let events = try await api.events("/api/v1/conversations/\(crash)/events", key: keys.customer)
        #expect(events.last { $0.event == "conversation.message" }?.data["data"]?["message"]?["text"] == .string(fix))
        let solved = try await act("resolve", crash, key: keys.theo)
        #expect(solved["state"] == "resolved")

        let account = try await say(human, "I need help with my account.")
        #expect(account["conversation"]?["state"] == "human_active")
        let inbox = try await api.events("/api/v1/hil/inbox/events", key: keys.rita)
        #expect(inbox.last?.data["data"]?["message"]?["text"] == "I need help with my account.")
        _ = try await act("resolve", human, key: keys.rita, ["note": "Account unlocked."])
        let drained = try await conversation(tent)
        #expect(drained["state"] == "human_active", "the tent waited across the restart and goes to Rita now")
        #expect(Self.assigned(drained) == rita)
        _ = try await act("reply", tent, key: keys.rita, ["text": "Sorry about the tent! I've opened return RET-7781 for you."])
        let closed = try await act("resolve", tent, key: keys.rita)
        #expect(closed["state"] == "resolved")
        #expect(closed["messages"]?.arrayValue?.map { $0["role"]?.stringValue ?? "" } == ["user", "system", "human", "system"])

        // /chat talks to the workflow too (server.chat_workflow)
        let canada = "Yes, we ship to Canada; it takes 5 to 8 business days."
        aiTurn(intent: "general_question", confidence: 0.9, answer: canada, rating: 0.88)
        let chat = try await api.post("/chat", key: keys.customer, ["question": "Do you ship to Canada?"])
        #expect(chat.status == 200, "\(chat.text)")
        #expect(chat.json["response"] == .string(canada))
        #expect(chat.json["metadata"]?["conversation_state"] == "finished")
        #expect(chat.json["sessionId"]?.stringValue?.hasPrefix("conv_") == true)

        #expect(try await loads() == ["Rita Returns": 0, "Theo Tech": 0])
        #expect(try await queue() == [])
    }
}

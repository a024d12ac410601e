import AviaryCore
import Foundation
import NIOHTTP1
import Testing

/// `/api/v1/conversations` and `/api/v1/hil/…` over a real server: the AI answers, a handover goes
/// to the agent with the skill, operators act only on what they hold, and every response and
/// event frame follows the API contract.
@Suite("Conversation routes")
struct ConversationRoutesTests {
    @Test func aConversationIsAnsweredHandedOverRepliedToAndGivenBack() async throws {
        try await ConversationServer.with { s in
            let fx = s.fx
            let ritaAgent = try await s.agent("Rita", skills: ["returns"], principal: "key:rita")
            try await s.agent("Gus", skills: ["general"], principal: "key:gus")
            let started = try await fx.call(.POST, "/api/v1/conversations", key: s.user, json: ["workflow": "support_hil", "message": "Where is my order?"])
            #expect(started.status == 201, "\(started.text)")
            #expect(started.json?["conversation"]?["state"] == "finished")
            #expect(started.json?["replies"]?[0]?["text"] == "AI answer")
            let id = try #require(started.json?["conversation"]?["id"]?.stringValue)

            let handed = try await fx.call(.POST, "/api/v1/conversations/\(id)/messages", key: s.user, json: ["text": "maybe a refund?"])
            #expect(handed.status == 200)
            #expect(handed.json?["handed_over"] == true)
            #expect(handed.json?["conversation"]?["state"] == "human_active")
            #expect(handed.json?["conversation"]?["assigned_agent_id"]?.stringValue == ritaAgent)
            #expect(handed.json?["conversation"]?["assigned_agent_name"] == "Rita")
            #expect(handed.json?["conversation"]?["hil_reason"] == "confidence_threshold")
            #expect(handed.json?["conversation"]?["handover_context"]?["required_skills"] == ["returns"])

            // who may read and act
            let stranger = try await fx.key(role: .user, principal: "mallory")
            #expect(try await fx.call(.GET, "/api/v1/conversations/\(id)", key: stranger).status == 403)
            #expect(try await fx.call(.GET, "/api/v1/conversations/\(id)", key: s.rita).status == 200)
            #expect(try await fx.call(.GET, "/api/v1/hil/queue", key: s.user).status == 403)
            let wrong = try await fx.call(.POST, "/api/v1/hil/conversations/\(id)/reply", key: s.gus, json: ["text": "hi"])
            #expect(wrong.status == 403 && wrong.json?["error"]?["code"] == "not_assigned")
            let reply = try await fx.call(.POST, "/api/v1/hil/conversations/\(id)/reply", key: s.rita, json: ["text": "Rita here: which order?"])
            #expect(reply.status == 200)
            // the user's next message goes to Rita, not to a model
            let toHuman = try await fx.call(.POST, "/api/v1/conversations/\(id)/messages", key: s.user, json: ["text": "Order 42"])
            #expect(toHuman.json?["replies"] == [] && toHuman.json?["conversation"]?["state"] == "human_active")

            // the user's stream: AI answer, handover, the human's reply, with Last-Event-ID replay
            let path = "/api/v1/conversations/\(id)/events"
            let events = try await fx.call(.GET, path + "?follow=false", key: s.user)
            #expect(events.status == 200)
            ConversationServer.expectFramesFollowContract(events.text, path: path)
            let frames = ConversationServer.frames(events.text)
            #expect(frames.map(\.id) == Array(1...frames.count))
            #expect(frames.contains { $0.event == "hil.handover" } && frames.contains { $0.event == "hil.assigned" })
            #expect(frames.contains { $0.event == "conversation.message" && $0.data["data"]?["message"]?["role"] == "human" })
            let replay = try await fx.call(.GET, path + "?follow=false", key: s.user, headers: [("Last-Event-ID", "\(frames.count - 2)")])
            #expect(ConversationServer.frames(replay.text).map(\.id) == [frames.count - 1, frames.count])
            #expect(try await fx.call(.GET, path + "?follow=false", key: s.user, headers: [("Last-Event-ID", "x")]).status == 400)

            // Rita's inbox: the assignment (with the whole conversation) and the user's message
            let inboxPath = "/api/v1/hil/inbox/events"
            let inbox = try await fx.call(.GET, inboxPath + "?follow=false", key: s.rita)
            ConversationServer.expectFramesFollowContract(inbox.text, path: inboxPath)
            let inboxFrames = ConversationServer.frames(inbox.text)
            #expect(inboxFrames.map(\.event) == ["hil.assigned", "conversation.message"])
            #expect(inboxFrames.first?.data["data"]?["conversation"]?["id"]?.stringValue == id)
            #expect(inboxFrames.last?.data["data"]?["message"]?["text"] == "Order 42")
            #expect(try await fx.call(.GET, inboxPath + "?follow=false", key: s.admin).status == 403) // an admin names the agent
            #expect(try await fx.call(.GET, inboxPath + "?follow=false&agent_id=\(ritaAgent)", key: s.admin).status == 200)

            // back to the AI with a note the next run receives
            let back = try await fx.call(.POST, "/api/v1/hil/conversations/\(id)/back-to-ai", key: s.rita, json: ["note": "NOTE: refund approved"])
            #expect(back.status == 200 && back.json?["state"] == "back_to_ai" && back.json?["is_hil"] == false)
            let again = try await fx.call(.POST, "/api/v1/hil/conversations/\(id)/back-to-ai", key: s.rita, json: [:])
            #expect(again.status == 409 && again.json?["error"]?["code"] == "invalid_transition")
            let afterNote = try await fx.call(.POST, "/api/v1/conversations/\(id)/messages", key: s.user, json: ["text": "so?"])
            #expect(afterNote.json?["replies"]?[0]?["text"]?.stringValue?.hasPrefix("AI answer after NOTE: refund") == true)
            let agents = try await fx.call(.GET, "/api/v1/hil/agents", key: s.rita)
            #expect(agents.json?["agents"]?.arrayValue?.allSatisfy { $0["current_load"] == 0 } == true)
        }
    }

    @Test func theQueueAgentsAndAssignmentsRefuseClearly() async throws {
        try await ConversationServer.with { s in
            let fx = s.fx
            let offline = try await s.agent("Olga", skills: ["technical"], status: "offline", principal: "key:rita")
            let dup = try await fx.call(.POST, "/api/v1/hil/agents", key: s.admin, json: ["name": "Other", "email": "OLGA@shop.test"])
            #expect(dup.status == 409 && dup.json?["error"]?["code"] == "email_taken")
            let taken = try await fx.call(.POST, "/api/v1/hil/agents", key: s.admin, json: ["name": "P", "email": "p@shop.test", "principal": "key:rita"])
            #expect(taken.status == 409 && taken.json?["error"]?["code"] == "principal_taken")
            let bad = try await fx.call(.POST, "/api/v1/hil/agents", key: s.admin, json: ["name": "P", "email": "p@shop.test", "skills": ["no spaces"]])
            #expect(bad.status == 400)
            #expect(try await fx.call(.POST, "/api/v1/hil/agents", key: s.rita, json: ["name": "P", "email": "q@shop.test"]).status == 403)

            let c = try await fx.call(.POST, "/api/v1/conversations", key: s.user, json: ["workflow": "support_hil", "message": "the app crashes"])
            let id = try #require(c.json?["conversation"]?["id"]?.stringValue)
            #expect(c.json?["conversation"]?["state"] == "pending_human")
            let queue = try await fx.call(.GET, "/api/v1/hil/queue?skill=technical", key: s.gus)
            #expect(queue.json?["items"]?[0]?["conversation_id"]?.stringValue == id)
            #expect(queue.json?["items"]?[0]?["required_skills"] == ["technical"])
            #expect(try await fx.call(.GET, "/api/v1/hil/queue?skill=returns", key: s.gus).json?["items"] == [])

            // Olga (Rita's key) is offline: taking it says so; gus acts as no agent
            let refused = try await fx.call(.POST, "/api/v1/hil/conversations/\(id)/assign", key: s.rita, json: [:])
            #expect(refused.status == 409 && refused.json?["error"]?["code"] == "agent_unavailable")
            #expect(refused.json?["error"]?["message"]?.stringValue?.contains("offline") == true)
            let nobody = try await fx.call(.POST, "/api/v1/hil/conversations/\(id)/assign", key: s.gus, json: [:])
            #expect(nobody.status == 403 && nobody.json?["error"]?["code"] == "no_human_agent")
            // going online drains the queue onto her
            let online = try await fx.call(.PUT, "/api/v1/hil/agents/\(offline)/status", key: s.rita, json: ["status": "online"])
            #expect(online.status == 200 && online.json?["current_load"] == 1)
            #expect(try await fx.call(.GET, "/api/v1/conversations/\(id)", key: s.user).json?["assigned_agent_id"]?.stringValue == offline)

            // deleting her puts the conversation back in the queue
            let deleted = try await fx.call(.DELETE, "/api/v1/hil/agents/\(offline)", key: s.admin)
            #expect(deleted.status == 200 && deleted.json?["requeued"] == [.string(id)])
            #expect(try await fx.call(.GET, "/api/v1/conversations/\(id)", key: s.user).json?["state"] == "pending_human")
            #expect(try await fx.call(.GET, "/api/v1/hil/agents/\(offline)", key: s.admin).status == 404)

            // unknown workflows and conversations, empty messages
            let unknown = try await fx.call(.POST, "/api/v1/conversations", key: s.user, json: ["workflow": "nope"])
            #expect(unknown.status == 404 && unknown.json?["error"]?["code"] == "unknown_workflow")
            #expect(try await fx.call(.POST, "/api/v1/conversations/conv_missing/messages", key: s.user, json: ["text": "hi"]).status == 404)
            let empty = try await fx.call(.POST, "/api/v1/conversations/\(id)/messages", key: s.user, json: ["text": " "])
            #expect(empty.status == 400 && empty.json?["error"]?["code"] == "invalid_input")
        }
    }

    @Test func chatBoundToAHILWorkflowSaysWhenAPersonHasItAndReturnsTheirReplies() async throws {
        try await ConversationServer.with(chatWorkflow: true) { s in
            let fx = s.fx
            try await s.agent("Rita", skills: ["returns"], principal: "key:rita")
            let first = try await fx.call(.POST, "/chat", key: s.user, json: ["question": "Where is my order?"])
            #expect(first.status == 200, "\(first.text)")
            #expect(first.json?["response"] == "AI answer" && first.json?["metadata"]?["conversation_state"] == "finished")
            #expect(first.json?["runId"]?.stringValue != nil)
            let session = try #require(first.json?["sessionId"]?.stringValue)
            let handed = try await fx.call(.POST, "/chat", key: s.user, json: ["question": "maybe a refund", "sessionId": .string(session)])
            #expect(handed.json?["metadata"]?["handed_over"] == true && handed.json?["metadata"]?["conversation_state"] == "human_active")
            #expect(handed.json?["response"]?.stringValue?.contains("member of our team") == true)
            _ = try await fx.call(.POST, "/api/v1/hil/conversations/\(session)/reply", key: s.rita, json: ["text": "Rita here, refund on its way."])
            let later = try await fx.call(.POST, "/chat", key: s.user, json: ["question": "thanks!", "sessionId": .string(session)])
            #expect(later.status == 200)
            #expect(later.json?["response"] == "Rita here, refund on its way.")
            #expect(later.json?["runId"] == nil && later.json?["metadata"]?["handed_over"] == false)
        }
    }
}

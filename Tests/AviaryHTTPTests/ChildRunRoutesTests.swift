import AviaryCore
import AviaryHTTP
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import Foundation
import NIOHTTP1
import Testing

/// A delegation's child run is stored with its first step (in a session the history pin; without
/// one, its first model step); the runs API shows it before that too.
@Suite struct ChildRunRoutesTests {
    static let router = AgentDefinition(name: "router", instructions: "Route.", tools: ["support"])

    /// The router delegates to `support`; the child's first model call waits at `gate`.
    static func model(gate: AsyncGate) -> FunctionModel {
        FunctionModel(name: "test") { request in
            let answered = request.messages.contains { $0.role == .tool }
            if request.tools.contains(where: { $0.name == "support" }) {
                return answered ? .text("Support says: active.") : .toolCall("support", ["question": "c42?"], id: "r1")
            }
            if !answered { await gate.wait() }
            return answered ? .text("Customer c42 is active.") : .toolCall("get_customer", ["customer_id": "c42"], id: "s1")
        }
    }

    @Test func anExecutingChildRunIsVisibleBeforeItsFirstStepIsStored() async throws {
        let gate = AsyncGate()
        try await ServerFixture.with(agents: [Self.router, TestAgents.support], tools: [TestAgents.customerTool()],
                                     model: Self.model(gate: gate)) { fx in
            let key = try await fx.key()
            let stranger = try await fx.key(tenant: "evil", role: .admin, principal: "root")
            // Through the OpenAI facade: no session, so the child's first write follows its first model call.
            let chat = Task {
                try await fx.call(.POST, "/v1/chat/completions", key: key,
                                  json: ["model": "router", "messages": [["role": "user", "content": "status of c42?"]]])
            }
            await gate.waitForArrivals(1)
            let parent = try #require(try await fx.store.listRuns(RunQuery(tenant: "acme", topLevelOnly: true, limit: 5)).first)
            let child = parent.id.child("turn/1/tool/r1")
            #expect(try await fx.store.loadRun(child, tenant: "acme") == nil, "the child is not stored before its first step")

            let executing = try await fx.call(.GET, "/api/v1/runs/\(child)", key: key)
            #expect(executing.status == 200)
            #expect(executing.json?["status"]?.stringValue == "running")
            #expect(executing.json?["agent"]?.stringValue == "support")
            #expect(executing.json?["parent_run_id"]?.stringValue == parent.id.rawValue)
            #expect(try await fx.call(.GET, "/api/v1/runs/\(child)", key: stranger).status == 404, "other tenants see nothing")
            #expect(try await fx.call(.POST, "/api/v1/runs/\(child)/resume", key: key).status == 409, "it is executing")

            gate.open()
            #expect(try await chat.value.status == 200)
            let done = try await fx.call(.GET, "/api/v1/runs/\(child)", key: key)
            #expect(done.json?["status"]?.stringValue == "completed")
            #expect(try await fx.store.loadRun(child, tenant: "acme")?.status == .completed)
        }
    }
}

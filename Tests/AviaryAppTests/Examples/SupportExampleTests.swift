import AviaryApp
import AviaryCore
import AviaryRuntime
import AviaryTools
import Foundation
import Testing

/// The support-swarm example's three tool files, loaded by the project loader users run (YAML
/// included) from a copy of the example, whose `data/support.sql` it seeds: they return the expected rows.
@Suite("support-swarm example tools")
struct SupportExampleTests {
    static let toolNames = ["get_customer_overview", "get_recent_operations", "get_active_incidents"]

    /// Loads a copy of the example project and hands its SQL tools to `body`.
    private func withExampleTools(_ body: ([String: SQLQueryTool]) async throws -> Void) async throws {
        try await ExampleProject.with("support-swarm") { config in
            let project = try await ProjectLoader().load(config)
            var tools: [String: SQLQueryTool] = [:]
            for name in Self.toolNames {
                let tool = try #require(project.tools.tool(named: name) as? SQLQueryTool, "tools/\(name).yaml")
                #expect(tool.definition.kind == "sql")
                #expect(tool.definition.name == name)
                #expect(tool.databaseURL.path == config.projectDirectory.appendingPathComponent("data/support.db").standardizedFileURL.path)
                tools[name] = tool
            }
            try await body(tools)
            for tool in tools.values { await tool.close() }
        }
    }

    /// Calls a tool as a run of `user`'s session would (`nil`: a run without a session).
    private func call(_ tool: SQLQueryTool?, as user: String? = nil, _ arguments: JSONValue = [:]) async throws -> JSONValue {
        let tool = try #require(tool)
        let context = ToolContext(runID: "run_test", tenant: "tenant_test", sessionID: "session_test", workspace: nil,
                                  idempotencyKey: "run_test/turn/1/tool/call_1", callID: "call_1",
                                  values: user.map { ["user_id": $0] } ?? [:])
        return try await tool.call(arguments: arguments, context: context).content
    }

    @Test("the tool files declare closed object schemas")
    func schemas() async throws {
        try await withExampleTools { tools in
            for name in Self.toolNames {
                let schema = try #require(tools[name]?.spec.parameters)
                #expect(schema["type"] == "object", "\(name)")
                #expect(schema["additionalProperties"] == false, "\(name)")
                #expect(tools[name]?.policy == .readOnly)
            }
            #expect(tools["get_customer_overview"]?.spec.parameters["properties"] == [:], "the customer is not the model's choice")
            #expect(tools["get_recent_operations"]?.spec.parameters["properties"]?["user_id"] == nil)
            #expect(tools["get_recent_operations"]?.spec.parameters["properties"]?["limit"]?["default"] == 5)
        }
    }

    /// A user sees only their own customer data: the customer is the session's user, and neither
    /// a `user_id` nor a `$user_id` argument from the model changes that.
    @Test("the tools answer about the session's user only")
    func scopedToTheSessionsUser() async throws {
        try await withExampleTools { tools in
            let mine = try await call(tools["get_customer_overview"], as: "client001")
            #expect(mine["user_id"] == "client001")
            await #expect(throws: ToolError.self) {
                _ = try await call(tools["get_customer_overview"], as: "client001", ["$user_id": "client789"])
            }
            // (the schema refuses `user_id` before a run calls the tool; called directly, it is ignored)
            let ignored = try await call(tools["get_customer_overview"], as: "client001", ["user_id": "client789"])
            #expect(ignored["user_id"] == "client001")
            #expect(try await call(tools["get_customer_overview"]) == .null, "no session, no customer")
            #expect(try await call(tools["get_recent_operations"]) == [])
        }
    }

    @Test("customer overview of client789: merchant, products, blocked account, auth")
    func overviewBlockedMerchant() async throws {
        try await withExampleTools { tools in
            let row = try await call(tools["get_customer_overview"], as: "client789")
            #expect(row["user_id"] == "client789")
            #expect(row["full_name"] == "Carla Mendes")
            #expect(row["customer_type"] == "merchant")
            #expect(row["business_name"] == "Mendes Materiais de Construção")
            #expect(row["merchant_plan"] == "pro")
            #expect(row["enabled_products"] == ["card_machine", "digital_account", "payment_link", "pix"])
            #expect(row["account_status"] == "blocked")
            #expect(row["account_status_reason"]?.stringValue?.contains("SEC-20417") == true)
            #expect(row["auth_status"] == "ok")
            #expect(row["two_factor_enabled"] == true)
            #expect(row["two_factor_method"] == "sms")
        }
    }

    @Test("customer overview of an individual and of a merchant without 2FA; unknown users give null")
    func overviewOthers() async throws {
        try await withExampleTools { tools in
            let ana = try await call(tools["get_customer_overview"], as: "client001")
            #expect(ana["customer_type"] == "individual")
            #expect(ana["merchant_id"] == .null)
            #expect(ana["business_name"] == .null)
            #expect(ana["enabled_products"] == ["credit_card", "digital_account", "pix"])
            #expect(ana["account_status"] == "active")
            #expect(ana["auth_status"] == "ok")
            let bruno = try await call(tools["get_customer_overview"], as: "client042")
            #expect(bruno["business_name"] == "Lima Café")
            #expect(bruno["two_factor_enabled"] == false)
            #expect(bruno["enabled_products"]?.arrayValue?.count == 4)
            #expect(try await call(tools["get_customer_overview"], as: "nobody") == .null)
        }
    }

    @Test("recent operations: newest first, default limit 5, the failed transfer on top for client789")
    func recentOperations() async throws {
        try await withExampleTools { tools in
            let rows = try #require(try await call(tools["get_recent_operations"], as: "client789").arrayValue)
            #expect(rows.count == 5)
            #expect(rows.map { $0["transfer_id"] } == ["tr-7801", "tr-7802", "tr-7803", "tr-7804", "tr-7805"])
            #expect(rows[0]["status"] == "failed")
            #expect(rows[0]["amount_cents"] == 1_245_000)
            #expect(rows[0]["failure_reason"]?.stringValue?.hasPrefix("Account blocked") == true)
            let createdAt = rows.compactMap { $0["created_at"]?.stringValue }
            #expect(createdAt == createdAt.sorted(by: >))
            let two = try await call(tools["get_recent_operations"], as: "client789", ["limit": 2])
            #expect(two.arrayValue?.count == 2)
            let all = try await call(tools["get_recent_operations"], as: "client789", ["limit": 50])
            #expect(all.arrayValue?.count == 7)
            #expect(try await call(tools["get_recent_operations"], as: "client001").arrayValue?.count == 3)
            #expect(try await call(tools["get_recent_operations"], as: "nobody") == [])
        }
    }

    @Test("active incidents: the two active ones, newest first")
    func activeIncidents() async throws {
        try await withExampleTools { tools in
            let rows = try #require(try await call(tools["get_active_incidents"]).arrayValue)
            #expect(rows.map { $0["id"] } == [1, 2])
            #expect(rows[0]["title"] == "Pix transfers delayed")
            #expect(rows[0]["severity"] == "high")
            #expect(rows[1]["affected_products"] == "card_machine")
            #expect(rows.allSatisfy { $0["description"]?.stringValue?.isEmpty == false && $0["started_at"] != nil })
        }
    }
}

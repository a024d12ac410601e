import AviaryCore
import Foundation
import Testing

@testable import AviaryTools

/// Context parameters (`:$principal`, `:$tenant`, `:$user_id`, `:$session_id`) are bound from
/// the run, never from the model.
@Suite("SQL context parameters")
struct SQLContextParameterTests {
    static func context(values: [String: String], session: String? = "ses_1") -> ToolContext {
        ToolContext(runID: "run_t", tenant: "acme", sessionID: session, workspace: nil, idempotencyKey: "run_t/x", callID: "c",
                    values: values)
    }

    @Test func theRunsIdentityIsBoundAndTheModelCannotSetIt() async throws {
        try await TestSupport.withTemporaryDirectory { dir in
            _ = try await SQLFixtures.itemsDatabase(in: dir)
            let tool = try SQLQueryTool(definition: SQLFixtures.definition(
                "SELECT :$principal AS p, :$tenant AS t, :$user_id AS u, :$session_id AS s, name FROM items WHERE id = :id",
                parameters: ["type": "object", "properties": ["id": ["type": "integer"]]], single: true), baseDirectory: dir)
            #expect(tool.spec.parameters["properties"]?.objectValue?.keys.sorted() == ["id"], "the model sees only its own parameters")
            let row = try await tool.call(arguments: ["id": 2], context: Self.context(values: ["principal": "key:abc", "user_id": "client7"])).content
            #expect(row == ["p": "key:abc", "t": "acme", "u": "client7", "s": "ses_1", "name": "banana"])
            let bare = try await tool.call(arguments: ["id": 2], context: Self.context(values: [:], session: nil)).content
            #expect(bare["u"] == .null, "no session: NULL, which matches nothing")
            #expect(bare["s"] == .null)
            for name in ["$user_id", "$principal", "$anything"] {
                let error = await #expect(throws: ToolError.self) {
                    _ = try await tool.call(arguments: .object(["id": 2, name: "client1"]), context: Self.context(values: ["user_id": "client7"]))
                }
                #expect(error?.codeName == "invalid_arguments", "\(name)")
            }
            await tool.close()
        }
    }

    @Test(arguments: [
        ("SELECT name FROM items WHERE name = :$owner", "not a context parameter"),
        ("SELECT name FROM items WHERE name = :$USER_ID", "not a context parameter"),
    ])
    func unknownContextParametersAreRefusedAtLoad(_ query: String, _ message: String) throws {
        let error = #expect(throws: SQLToolError.self) {
            _ = try SQLQueryTool(definition: SQLFixtures.definition(query), baseDirectory: URL(fileURLWithPath: "/tmp"))
        }
        #expect(error?.description.contains(message) == true, "\(String(describing: error))")
    }

    @Test func aPropertyCannotTakeAContextParametersName() throws {
        let error = #expect(throws: SQLToolError.self) {
            _ = try SQLQueryTool(definition: SQLFixtures.definition("SELECT name FROM items WHERE name = :$user_id",
                parameters: ["type": "object", "properties": ["$user_id": ["type": "string"]]]), baseDirectory: URL(fileURLWithPath: "/tmp"))
        }
        #expect(error?.description.contains("context parameters") == true)
    }
}

/// `{tenant}` in a tool's `database` path gives each tenant its own file.
@Suite("SQL per-tenant databases")
struct SQLPerTenantDatabaseTests {
    static func context(tenant: String) -> ToolContext {
        ToolContext(runID: "run_t", tenant: tenant, workspace: nil, idempotencyKey: "run_t/x", callID: "c")
    }

    @Test func eachTenantReadsItsOwnFileAndOddTenantNamesAreRefused() async throws {
        try await TestSupport.withTemporaryDirectory { dir in
            for tenant in ["acme", "globex"] {
                let folder = dir.appendingPathComponent("data/\(tenant)")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try await SQLDatabaseSeeder.seed(databaseAt: folder.appendingPathComponent("items.db"),
                                                 sql: "CREATE TABLE items (name TEXT); INSERT INTO items VALUES ('\(tenant) item');")
            }
            var definition = SQLFixtures.definition("SELECT name FROM items", single: true)
            definition.database = "data/{tenant}/items.db"
            let tool = try SQLQueryTool(definition: definition, baseDirectory: dir)
            #expect(tool.isPerTenant)
            #expect(try await tool.call(arguments: [:], context: Self.context(tenant: "acme")).content == ["name": "acme item"])
            #expect(try await tool.call(arguments: [:], context: Self.context(tenant: "globex")).content == ["name": "globex item"])
            let missing = await #expect(throws: ToolError.self) {
                _ = try await tool.call(arguments: [:], context: Self.context(tenant: "initech"))
            }
            #expect(missing?.codeName == "not_found")
            for odd in ["..", "../acme", "a/b", "", "acme/../globex", String(repeating: "x", count: 200)] {
                let refused = await #expect(throws: ToolError.self, "\(odd)") {
                    _ = try await tool.call(arguments: [:], context: Self.context(tenant: odd))
                }
                #expect(refused?.codeName == "forbidden", "\(odd)")
            }
            await tool.close()
        }
    }
}

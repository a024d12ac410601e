import AviaryCore
import Testing

@testable import AviaryTools

@Suite("workspace tool set")
struct WorkspaceToolsTests {
    @Test("all() holds find, grep, read, write and edit")
    func names() {
        #expect(WorkspaceTools.all().map(\.name) == ["find", "grep", "read", "write", "edit"])
    }

    @Test("every schema is a closed object whose required keys are declared properties")
    func schemaShape() throws {
        let expected: [String: (properties: Set<String>, required: [String])] = [
            "find": (["pattern", "path"], []),
            "grep": (["pattern", "path", "glob", "ignore_case"], ["pattern"]),
            "read": (["path", "offset", "limit"], ["path"]),
            "write": (["path", "content"], ["path", "content"]),
            "edit": (["path", "old_text", "new_text", "replace_all"], ["path", "old_text", "new_text"]),
        ]
        for tool in WorkspaceTools.all() {
            let schema = tool.spec.parameters
            #expect(schema["type"] == "object", "\(tool.name)")
            #expect(schema["additionalProperties"] == false, "\(tool.name)")
            let properties = try #require(schema["properties"]?.objectValue, "\(tool.name)")
            let requiredList = try #require(schema["required"]?.arrayValue, "\(tool.name)")
            let required = requiredList.compactMap { $0.stringValue }
            #expect(Set(properties.keys) == expected[tool.name]?.properties, "\(tool.name)")
            #expect(required == expected[tool.name]?.required, "\(tool.name)")
            for (name, property) in properties {
                #expect(property["type"]?.stringValue != nil, "\(tool.name).\(name) has a type")
                #expect(property["description"]?.stringValue?.isEmpty == false, "\(tool.name).\(name) has a description")
            }
            #expect(!tool.spec.description.isEmpty)
        }
    }

    @Test("policies: reads are read-only, write is idempotent, edit is not; all block (file system)")
    func policies() {
        let policies = Dictionary(uniqueKeysWithValues: WorkspaceTools.all().map { ($0.name, $0.policy) })
        for name in ["find", "grep", "read"] { #expect(policies[name] == .blockingReadOnly) }
        #expect(policies.values.allSatisfy { $0.blocking })
        #expect(policies["write"]?.idempotent == true)
        #expect(policies["edit"]?.idempotent == false)
        #expect(policies.values.allSatisfy { $0.risk == .safe })
    }

    @Test("a write → find → read → edit → grep session")
    func session() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            _ = try await TestSupport.run(WriteTool(), ["path": "notes/plan.md", "content": "step one\nstep two\n"], workspace: ws)
            #expect(try await TestSupport.run(FindTool(), ["pattern": "**/*.md"], workspace: ws) == "notes/plan.md")
            _ = try await TestSupport.run(EditTool(), ["path": "notes/plan.md", "old_text": "two", "new_text": "2"], workspace: ws)
            #expect(try await TestSupport.run(ReadTool(), ["path": "notes/plan.md"], workspace: ws) == "     1\tstep one\n     2\tstep 2")
            #expect(try await TestSupport.run(GrepTool(), ["pattern": "step \\d"], workspace: ws) == "notes/plan.md:2: step 2")
        }
    }
}

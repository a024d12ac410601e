import AviaryCore
import Foundation
import Testing

@testable import AviaryTools

/// File size limits and session / tenant workspace quotas on every write path.
@Suite("workspace quotas")
struct WorkspaceQuotaTests {
    @Test("three small calls that would grow a file to 20 MB: the third edit is refused before writing")
    func editBlowUp() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            let a100 = String(repeating: "a", count: 100), a200 = String(repeating: "a", count: 200)
            _ = try await TestSupport.run(WriteTool(), ["path": "f.txt", "content": .string(String(repeating: "a", count: 1_000))], workspace: ws)
            _ = try await TestSupport.run(EditTool(), ["path": "f.txt", "old_text": "a", "new_text": .string(a100), "replace_all": true],
                                          workspace: ws)
            #expect(FileSystemProbe.size(ofPath: ws.appendingPathComponent("f.txt").path) == 100_000)
            let error = await TestSupport.failure(
                EditTool(), ["path": "f.txt", "old_text": "a", "new_text": .string(a200), "replace_all": true], workspace: ws)
            #expect(error?.codeName == "failed")
            #expect(error?.message.contains("20000000 bytes") == true)
            #expect(error?.message.contains("limit per file is 10000000 bytes") == true)
            #expect(FileSystemProbe.size(ofPath: ws.appendingPathComponent("f.txt").path) == 100_000, "nothing was written")
        }
    }

    @Test("writes and edits beyond the session's byte and file quotas are refused; replacing a file counts the difference")
    func sessionQuota() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            let limits = WorkspaceLimits(sessionMaxBytes: 100, sessionMaxFiles: 2)
            let write = WriteTool(limits: limits), edit = EditTool(limits: limits)
            _ = try await TestSupport.run(write, ["path": "a.txt", "content": .string(String(repeating: "x", count: 60))], workspace: ws)
            let over = await TestSupport.failure(write, ["path": "b.txt", "content": .string(String(repeating: "y", count: 60))], workspace: ws)
            #expect(over?.message.contains("session workspace would hold 120 bytes; its quota is 100 bytes") == true)
            #expect(TestSupport.read("b.txt", in: ws) == nil)
            _ = try await TestSupport.run(write, ["path": "a.txt", "content": .string(String(repeating: "x", count: 90))], workspace: ws)
            let grow = await TestSupport.failure(edit, ["path": "a.txt", "old_text": "xx", "new_text": "xxxx", "replace_all": true], workspace: ws)
            #expect(grow?.message.contains("quota") == true)
            _ = try await TestSupport.run(write, ["path": "b.txt", "content": "1"], workspace: ws)
            let third = await TestSupport.failure(write, ["path": "c.txt", "content": "2"], workspace: ws)
            #expect(third?.message.contains("more than 2 files") == true)
        }
    }

    @Test("the tenant's quota adds up all of its sessions' workspaces")
    func tenantQuota() async throws {
        try await TestSupport.withTemporaryDirectory { tenant in
            let limits = WorkspaceLimits(sessionMaxBytes: 1_000, tenantMaxBytes: 100)
            let write = WriteTool(limits: limits)
            func context(_ session: String) -> ToolContext {
                ToolContext(runID: "run_test", tenant: "t", sessionID: session,
                            workspace: tenant.appendingPathComponent(session).appendingPathComponent("workspace"),
                            tenantWorkspaces: tenant, idempotencyKey: "k", callID: "c")
            }
            _ = try await write.call(arguments: ["path": "a.txt", "content": .string(String(repeating: "x", count: 60))], context: context("s1"))
            do {
                _ = try await write.call(arguments: ["path": "a.txt", "content": .string(String(repeating: "y", count: 60))], context: context("s2"))
                Issue.record("the second session's write should exceed the tenant's quota")
            } catch let error as ToolError {
                #expect(error.message.contains("this tenant's workspaces would hold 120 bytes; its quota is 100 bytes"))
            }
            #expect(!FileManager.default.fileExists(atPath: tenant.appendingPathComponent("s2/workspace/a.txt").path))
        }
    }
}

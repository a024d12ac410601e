import AviaryCore
import Foundation
import Testing

@testable import AviaryTools

@Suite("workspace walker")
struct WorkspaceWalkerTests {
    @Test("lists files in byte order, a file target as itself, and flags an incomplete walk")
    func listing() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            for path in ["b.txt", "a/z.txt", "a-b.txt", "A.txt", "a/b/c.txt"] { try TestSupport.write("x", to: path, in: ws) }
            let root = try WorkspacePath("", in: ws)
            var budget = Self.budget()
            #expect(try WorkspaceWalker().files(under: root, budget: &budget).files.map(\.relativePath) == ["A.txt", "a-b.txt", "a/b/c.txt", "a/z.txt", "b.txt"])
            let file = try WorkspacePath("a/z.txt", in: ws)
            #expect(try WorkspaceWalker().files(under: file, budget: &budget).files == [file])
            #expect(WorkspaceWalker.path(of: file, below: file) == "z.txt")
            #expect(WorkspaceWalker.path(of: file, below: try WorkspacePath("a", in: ws)) == "z.txt")
            #expect(WorkspaceWalker.path(of: file, below: root) == "a/z.txt")
            let partial = try WorkspaceWalker(maxEntries: 2).files(under: root, budget: &budget)
            #expect(partial.incomplete)
            #expect(partial.files.count <= 2)
        }
    }

    @Test("a walk stops with a tool error at its step budget and when its task is cancelled")
    func budgets() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            for i in 0..<10 { try TestSupport.write("x", to: "d\(i)/f.txt", in: ws) }
            let root = try WorkspacePath("", in: ws)
            var small = WorkBudget(tool: "find", time: .seconds(600), maxSteps: 5, hint: "narrow it")
            #expect(throws: ToolError.self) { try WorkspaceWalker().files(under: root, budget: &small) }
            let cancelled = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                var budget = Self.budget()
                do {
                    _ = try WorkspaceWalker().files(under: root, budget: &budget)
                    return "finished"
                } catch {
                    return (error as? ToolError)?.codeName ?? "other"
                }
            }
            #expect(await cancelled.value == "timeout")
        }
    }

    static func budget() -> WorkBudget { WorkBudget(tool: "test", time: .seconds(600), maxSteps: .max, hint: "") }
}

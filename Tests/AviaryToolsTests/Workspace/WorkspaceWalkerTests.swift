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
            #expect(WorkspaceWalker().files(under: root).files.map(\.relativePath) == ["A.txt", "a-b.txt", "a/b/c.txt", "a/z.txt", "b.txt"])
            let file = try WorkspacePath("a/z.txt", in: ws)
            #expect(WorkspaceWalker().files(under: file).files == [file])
            #expect(WorkspaceWalker.path(of: file, below: file) == "z.txt")
            #expect(WorkspaceWalker.path(of: file, below: try WorkspacePath("a", in: ws)) == "z.txt")
            #expect(WorkspaceWalker.path(of: file, below: root) == "a/z.txt")
            let partial = WorkspaceWalker(maxEntries: 2).files(under: root)
            #expect(partial.incomplete)
            #expect(partial.files.count <= 2)
        }
    }
}

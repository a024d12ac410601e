import AviaryCore
import Foundation
import Testing

@testable import AviaryTools

@Suite("WorkspacePath")
struct WorkspacePathTests {
    /// Resolves `path` in `workspace`, returning the forbidden error's message (or `nil` when allowed).
    private func rejection(_ path: String, in workspace: URL) -> String? {
        do {
            _ = try WorkspacePath(path, in: workspace)
            return nil
        } catch {
            #expect(error.codeName == "forbidden")
            return error.message
        }
    }

    @Test("plain relative paths resolve below the root")
    func relative() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            let path = try WorkspacePath("notes/todo.md", in: ws)
            #expect(path.relativePath == "notes/todo.md")
            #expect(path.absolutePath == ws.path + "/notes/todo.md")
            #expect(path.description == "notes/todo.md")
            #expect(path.url.path == ws.path + "/notes/todo.md")
        }
    }

    @Test("dot components, duplicate slashes and harmless dot-dots are normalised", arguments: [
        ("./a", "a"), ("a/./b/", "a/b"), ("a//b", "a/b"), ("a/..", ""), ("a/../b", "b"), ("a/b/../../c", "c"),
        ("", ""), (".", ""), ("./", ""), ("a/...", "a/..."), ("a..b/c", "a..b/c"), ("..a", "..a"),
    ])
    func normalisation(input: String, expected: String) async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            let path = try WorkspacePath(input, in: ws)
            #expect(path.relativePath == expected)
            #expect(path.isRoot == expected.isEmpty)
        }
    }

    @Test("dot-dot escapes are rejected", arguments: ["..", "../etc/passwd", "a/../../x", "./../x", "a/b/../../../x", "../"])
    func dotDotEscapes(input: String) async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            #expect(rejection(input, in: ws) == "path '\(input)' escapes the workspace")
        }
    }

    @Test("the exact message for ../etc/passwd")
    func escapeMessage() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            #expect(rejection("../etc/passwd", in: ws) == "path '../etc/passwd' escapes the workspace")
        }
    }

    @Test("absolute and home paths are rejected", arguments: ["/etc/passwd", "/", "//x", "~", "~/notes.md"])
    func absolute(input: String) async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            let message = try #require(rejection(input, in: ws))
            #expect(message.contains("use a path relative to the workspace"))
        }
    }

    @Test("an absolute path pointing inside the workspace is still rejected")
    func absoluteInside() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try TestSupport.write("x", to: "a.txt", in: ws)
            #expect(rejection(ws.path + "/a.txt", in: ws) != nil)
        }
    }

    @Test("NUL bytes are rejected")
    func nulBytes() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            let message = try #require(rejection("a\u{0}/../../etc/passwd", in: ws))
            #expect(message.contains("NUL byte"))
            #expect(rejection("ok.txt\u{0}", in: ws) != nil)
        }
    }

    @Test("a symlink to /etc is rejected as an intermediate and as the final component")
    func symlinkToEtc() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try TestSupport.symlink("etc", in: ws, to: "/etc")
            for input in ["etc", "etc/passwd", "etc/does-not-exist.txt", "./etc/passwd", "sub/../etc/hosts"] {
                let message = try #require(rejection(input, in: ws), "\(input) should be rejected")
                #expect(message.contains("symbolic link that points outside the workspace"))
            }
        }
    }

    @Test("a symlinked file outside the workspace is rejected")
    func symlinkedFile() async throws {
        try await TestSupport.withTemporaryDirectory { outside in
            try TestSupport.write("secret", to: "secret.txt", in: outside)
            try await TestSupport.withTemporaryDirectory { ws in
                try TestSupport.symlink("docs/leak.txt", in: ws, to: outside.appendingPathComponent("secret.txt").path)
                #expect(rejection("docs/leak.txt", in: ws) != nil)
            }
        }
    }

    @Test("a chain of symlinked directories that ends outside is rejected")
    func symlinkDirectoryChain() async throws {
        try await TestSupport.withTemporaryDirectory { outside in
            try TestSupport.write("secret", to: "deep/secret.txt", in: outside)
            try await TestSupport.withTemporaryDirectory { ws in
                try FileManager.default.createDirectory(at: ws.appendingPathComponent("b"), withIntermediateDirectories: true)
                try TestSupport.symlink("a", in: ws, to: "b")  // inside → inside
                try TestSupport.symlink("b/c", in: ws, to: outside.appendingPathComponent("deep").path)  // inside → outside
                try TestSupport.symlink("hop1", in: ws, to: "hop2")
                try TestSupport.symlink("hop2", in: ws, to: outside.path)  // link → link → outside
                try TestSupport.write("fine", to: "b/ok.txt", in: ws)
                #expect(rejection("a/c/secret.txt", in: ws) != nil)
                #expect(rejection("a/c", in: ws) != nil)
                #expect(rejection("b/c/new-file.txt", in: ws) != nil)
                #expect(rejection("hop1/deep/secret.txt", in: ws) != nil)
                #expect(rejection("hop1", in: ws) != nil)
                #expect(rejection("a/ok.txt", in: ws) == nil)
            }
        }
    }

    @Test("a relative symlink climbing out of the workspace is rejected")
    func relativeSymlinkEscape() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try TestSupport.symlink("up", in: ws, to: "..")
            try TestSupport.symlink("nested/up2", in: ws, to: "../../")
            #expect(rejection("up", in: ws) != nil)
            #expect(rejection("up/anything.txt", in: ws) != nil)
            #expect(rejection("nested/up2/x", in: ws) != nil)
        }
    }

    @Test("dangling and looping symlinks are rejected (writing through them would escape)")
    func danglingAndLoops() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try TestSupport.symlink("dangling", in: ws, to: "/nonexistent-\(UUID().uuidString)/created-by-write.txt")
            try TestSupport.symlink("loop", in: ws, to: "loop")
            let dangling = try #require(rejection("dangling", in: ws))
            #expect(dangling.contains("cannot be resolved"))
            #expect(rejection("loop", in: ws) != nil)
            #expect(rejection("loop/x", in: ws) != nil)
        }
    }

    @Test("symlinks that stay inside the workspace are allowed")
    func insideSymlinks() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try TestSupport.write("real", to: "real/file.txt", in: ws)
            try TestSupport.symlink("alias.txt", in: ws, to: "real/file.txt")
            try TestSupport.symlink("dir-alias", in: ws, to: ws.appendingPathComponent("real").path)
            #expect(try WorkspacePath("alias.txt", in: ws).relativePath == "alias.txt")
            #expect(try WorkspacePath("dir-alias/file.txt", in: ws).relativePath == "dir-alias/file.txt")
            #expect(try WorkspacePath("dir-alias/new.txt", in: ws).relativePath == "dir-alias/new.txt")
        }
    }

    @Test("paths that do not exist yet are allowed, for writing")
    func notExistingYet() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            let path = try WorkspacePath("reports/2025/june/summary.md", in: ws)
            #expect(path.relativePath == "reports/2025/june/summary.md")
            #expect(!FileManager.default.fileExists(atPath: path.absolutePath))
        }
    }

    @Test("unicode names resolve byte-exactly")
    func unicodeNames() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            let composed = "données/résumé ✓ 日本語.md"
            let path = try WorkspacePath(composed, in: ws)
            #expect(Array(path.relativePath.utf8) == Array(composed.utf8))
            let decomposed = "re\u{301}sume\u{301}.txt"
            #expect(Array(try WorkspacePath(decomposed, in: ws).relativePath.utf8) == Array(decomposed.utf8))
        }
    }

    @Test("a workspace reached through a symlink resolves to its real root")
    func symlinkedRoot() async throws {
        try await TestSupport.withTemporaryDirectory { base in
            let real = base.appendingPathComponent("real-workspace")
            try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
            try TestSupport.symlink("linked-workspace", in: base, to: real.path)
            let path = try WorkspacePath("a.txt", in: base.appendingPathComponent("linked-workspace"))
            #expect(path.root == real.path)
            #expect(rejection("../real-workspace/a.txt", in: base.appendingPathComponent("linked-workspace")) != nil)
        }
    }

    @Test("a workspace that does not exist yet is used as given")
    func missingRoot() async throws {
        try await TestSupport.withTemporaryDirectory { base in
            let ws = base.appendingPathComponent("later")
            let path = try WorkspacePath("x/y.txt", in: ws)
            #expect(path.absolutePath == ws.path + "/x/y.txt")
        }
    }
}

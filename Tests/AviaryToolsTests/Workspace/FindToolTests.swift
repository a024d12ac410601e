import AviaryCore
import Foundation
import Testing

@testable import AviaryTools

@Suite("find tool")
struct FindToolTests {
    private func fixture(_ ws: URL) throws {
        for path in ["README.md", "notes/todo.md", "notes/2025/june.md", "notes/ideas.txt", "src/main.swift", "a-b/x.md"] {
            try TestSupport.write("content of \(path)\n", to: path, in: ws)
        }
    }

    @Test("a name glob matches at any depth, sorted")
    func nameGlob() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try fixture(ws)
            let out = try await TestSupport.run(FindTool(), ["pattern": "*.md"], workspace: ws)
            #expect(out == "README.md\na-b/x.md\nnotes/2025/june.md\nnotes/todo.md")
        }
    }

    @Test("path globs, ** and braces")
    func pathGlobs() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try fixture(ws)
            #expect(try await TestSupport.run(FindTool(), ["pattern": "**/*.md"], workspace: ws)
                == "README.md\na-b/x.md\nnotes/2025/june.md\nnotes/todo.md")
            #expect(try await TestSupport.run(FindTool(), ["pattern": "notes/*.md"], workspace: ws) == "notes/todo.md")
            #expect(try await TestSupport.run(FindTool(), ["pattern": "notes/*.{md,txt}"], workspace: ws)
                == "notes/ideas.txt\nnotes/todo.md")
        }
    }

    @Test("no pattern lists every file; path narrows the search and results stay workspace-relative")
    func pathArgument() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try fixture(ws)
            let all = try await TestSupport.run(FindTool(), [:], workspace: ws)
            #expect(all.split(separator: "\n").count == 6)
            let notes = try await TestSupport.run(FindTool(), ["path": "notes", "pattern": "*.md"], workspace: ws)
            #expect(notes == "notes/2025/june.md\nnotes/todo.md")
            let relative = try await TestSupport.run(FindTool(), ["path": "notes", "pattern": "2025/*"], workspace: ws)
            #expect(relative == "notes/2025/june.md")
        }
    }

    @Test("results are capped with a note")
    func truncation() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            for i in 0..<7 { try TestSupport.write("x", to: "f\(i).txt", in: ws) }
            let out = try await TestSupport.run(FindTool(maxResults: 3), ["pattern": "*.txt"], workspace: ws)
            let lines = out.split(separator: "\n")
            #expect(lines.prefix(3) == ["f0.txt", "f1.txt", "f2.txt"])
            #expect(lines.last == "[truncated: showing the first 3 of 7 files; narrow the pattern or path]")
        }
    }

    @Test("no match is reported plainly")
    func noMatch() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try fixture(ws)
            #expect(try await TestSupport.run(FindTool(), ["pattern": "*.pdf"], workspace: ws) == "no files match '*.pdf' in '.'")
        }
    }

    @Test("linked directories outside the workspace are never listed")
    func doesNotFollowOutsideLinks() async throws {
        try await TestSupport.withTemporaryDirectory { outside in
            try TestSupport.write("secret", to: "secret.md", in: outside)
            try await TestSupport.withTemporaryDirectory { ws in
                try TestSupport.write("mine", to: "mine.md", in: ws)
                try TestSupport.symlink("out", in: ws, to: outside.path)
                try TestSupport.symlink("leak.md", in: ws, to: outside.appendingPathComponent("secret.md").path)
                try TestSupport.symlink("alias.md", in: ws, to: "mine.md")
                let out = try await TestSupport.run(FindTool(), ["pattern": "*.md"], workspace: ws)
                #expect(out == "alias.md\nmine.md")
                let error = await TestSupport.failure(FindTool(), ["path": "out"], workspace: ws)
                #expect(error?.codeName == "forbidden")
            }
        }
    }

    @Test("escapes, missing directories and missing workspaces are errors")
    func errors() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            let escape = await TestSupport.failure(FindTool(), ["path": "../"], workspace: ws)
            #expect(escape?.codeName == "forbidden")
            #expect(escape?.message == "path '../' escapes the workspace")
            #expect(await TestSupport.failure(FindTool(), ["path": "/etc"], workspace: ws)?.codeName == "forbidden")
            #expect(await TestSupport.failure(FindTool(), ["path": "nope"], workspace: ws)?.codeName == "not_found")
            let noWorkspace = await TestSupport.failure(FindTool(), [:], workspace: nil)
            #expect(noWorkspace?.message == "this tool needs a session workspace")
            #expect(await TestSupport.failure(FindTool(), ["pattern": 3], workspace: ws)?.codeName == "invalid_arguments")
        }
    }
}

import AviaryCore
import Foundation
import Testing

@testable import AviaryTools

@Suite("write tool")
struct WriteToolTests {
    @Test("creates parent directories and reports the byte count")
    func createsFile() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            let out = try await TestSupport.run(WriteTool(), ["path": "reports/2025/summary.md", "content": "# Summary\nAll good.\n"], workspace: ws)
            #expect(out == "wrote 20 bytes to reports/2025/summary.md")
            #expect(TestSupport.read("reports/2025/summary.md", in: ws) == "# Summary\nAll good.\n")
        }
    }

    @Test("overwrites, writes empty files and unicode names; repeating a write is harmless")
    func overwrite() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            _ = try await TestSupport.run(WriteTool(), ["path": "a.txt", "content": "old"], workspace: ws)
            _ = try await TestSupport.run(WriteTool(), ["path": "./a.txt", "content": "new"], workspace: ws)
            _ = try await TestSupport.run(WriteTool(), ["path": "a.txt", "content": "new"], workspace: ws)
            #expect(TestSupport.read("a.txt", in: ws) == "new")
            #expect(try await TestSupport.run(WriteTool(), ["path": "empty.txt", "content": ""], workspace: ws) == "wrote 0 bytes to empty.txt")
            let out = try await TestSupport.run(WriteTool(), ["path": "données/résumé ✓.md", "content": "olá"], workspace: ws)
            #expect(out == "wrote 4 bytes to données/résumé ✓.md")
            #expect(TestSupport.read("données/résumé ✓.md", in: ws) == "olá")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: ws.path).sorted()
            #expect(leftovers == ["a.txt", "données", "empty.txt"])
        }
    }

    @Test("writes cannot escape, even through links or to where a dangling link points")
    func escapes() async throws {
        try await TestSupport.withTemporaryDirectory { outside in
            try await TestSupport.withTemporaryDirectory { ws in
                try TestSupport.symlink("out", in: ws, to: outside.path)
                let target = outside.appendingPathComponent("created-through-dangling-link.txt")
                try TestSupport.symlink("dangling.txt", in: ws, to: target.path)
                for path in ["../escaped.txt", "out/escaped.txt", "dangling.txt", "/tmp/escaped.txt", "a/../../escaped.txt"] {
                    let error = await TestSupport.failure(WriteTool(), ["path": .string(path), "content": "pwned"], workspace: ws)
                    #expect(error?.codeName == "forbidden", "\(path)")
                }
                #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
                #expect(!FileManager.default.fileExists(atPath: ws.deletingLastPathComponent().appendingPathComponent("escaped.txt").path))
            }
        }
    }

    @Test("bad targets and arguments are reported")
    func errors() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try FileManager.default.createDirectory(at: ws.appendingPathComponent("dir"), withIntermediateDirectories: true)
            #expect(await TestSupport.failure(WriteTool(), ["path": "dir", "content": "x"], workspace: ws)?.message == "'dir' is a directory, not a file")
            #expect(await TestSupport.failure(WriteTool(), ["path": ".", "content": "x"], workspace: ws)?.codeName == "invalid_arguments")
            #expect(await TestSupport.failure(WriteTool(), ["path": "a.txt"], workspace: ws)?.message == "missing required argument 'content'")
            #expect(await TestSupport.failure(WriteTool(maxBytes: 2), ["path": "a.txt", "content": "abc"], workspace: ws)?.codeName == "invalid_arguments")
            #expect(await TestSupport.failure(WriteTool(), ["path": "a.txt", "content": "x"], workspace: nil)?.message == "this tool needs a session workspace")
        }
    }
}

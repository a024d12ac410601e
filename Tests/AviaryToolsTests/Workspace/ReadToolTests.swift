import AviaryCore
import Foundation
import Testing

@testable import AviaryTools

@Suite("read tool")
struct ReadToolTests {
    @Test("lines are numbered like cat -n")
    func numbered() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try TestSupport.write("first\nsecond\r\nthird\n", to: "notes.md", in: ws)
            let out = try await TestSupport.run(ReadTool(), ["path": "notes.md"], workspace: ws)
            #expect(out == "     1\tfirst\n     2\tsecond\n     3\tthird")
        }
    }

    @Test("offset and limit page through a file with a note")
    func paging() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try TestSupport.write((1...10).map { "line \($0)" }.joined(separator: "\n"), to: "ten.txt", in: ws)
            let page = try await TestSupport.run(ReadTool(), ["path": "ten.txt", "offset": 3, "limit": 2], workspace: ws)
            #expect(page == "     3\tline 3\n     4\tline 4\n[showing lines 3-4 of 10; use offset=5 to read more]")
            let tail = try await TestSupport.run(ReadTool(), ["path": "ten.txt", "offset": 9], workspace: ws)
            #expect(tail == "     9\tline 9\n    10\tline 10\n[showing lines 9-10 of 10]")
            let capped = try await TestSupport.run(ReadTool(defaultLineLimit: 4), ["path": "ten.txt"], workspace: ws)
            #expect(capped.hasSuffix("[showing lines 1-4 of 10; use offset=5 to read more]"))
            let past = await TestSupport.failure(ReadTool(), ["path": "ten.txt", "offset": 11], workspace: ws)
            #expect(past?.message == "offset 11 is past the end of 'ten.txt' (10 lines)")
            #expect(await TestSupport.failure(ReadTool(), ["path": "ten.txt", "offset": 0], workspace: ws)?.codeName == "invalid_arguments")
        }
    }

    @Test("binary, huge, empty, missing files and directories")
    func specialFiles() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00]).write(to: ws.appendingPathComponent("image.png"))
            let binary = await TestSupport.failure(ReadTool(), ["path": "image.png"], workspace: ws)
            #expect(binary?.message == "'image.png' looks like a binary file (6 bytes); only text files can be read")
            try TestSupport.write(String(repeating: "a", count: 200), to: "big.txt", in: ws)
            let big = await TestSupport.failure(ReadTool(maxFileBytes: 100), ["path": "big.txt"], workspace: ws)
            #expect(big?.message == "file 'big.txt' is too large (200 bytes; the limit is 100 bytes)")
            try TestSupport.write("", to: "empty.txt", in: ws)
            #expect(try await TestSupport.run(ReadTool(), ["path": "empty.txt"], workspace: ws) == "(file 'empty.txt' is empty)")
            #expect(await TestSupport.failure(ReadTool(), ["path": "missing.txt"], workspace: ws)?.message == "file 'missing.txt' does not exist")
            try FileManager.default.createDirectory(at: ws.appendingPathComponent("dir"), withIntermediateDirectories: true)
            #expect(await TestSupport.failure(ReadTool(), ["path": "dir"], workspace: ws)?.codeName == "invalid_arguments")
        }
    }

    @Test("long lines are shortened")
    func longLines() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try TestSupport.write(String(repeating: "é", count: 50), to: "long.txt", in: ws)
            let out = try await TestSupport.run(ReadTool(maxLineLength: 20), ["path": "long.txt"], workspace: ws)
            #expect(out == "     1\t" + String(repeating: "é", count: 20) + "…")
        }
    }

    @Test("reads cannot escape the workspace")
    func escapes() async throws {
        try await TestSupport.withTemporaryDirectory { outside in
            try TestSupport.write("secret", to: "secret.txt", in: outside)
            try await TestSupport.withTemporaryDirectory { ws in
                try TestSupport.symlink("etc", in: ws, to: "/etc")
                try TestSupport.symlink("leak.txt", in: ws, to: outside.appendingPathComponent("secret.txt").path)
                for path in ["../secret.txt", "/etc/passwd", "etc/passwd", "leak.txt", "a/../../x"] {
                    let error = await TestSupport.failure(ReadTool(), ["path": .string(path)], workspace: ws)
                    #expect(error?.codeName == "forbidden", "\(path)")
                }
                #expect(await TestSupport.failure(ReadTool(), ["path": "x"], workspace: nil)?.message == "this tool needs a session workspace")
            }
        }
    }
}

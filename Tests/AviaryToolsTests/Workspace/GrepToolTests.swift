import AviaryCore
import Foundation
import Testing

@testable import AviaryTools

@Suite("grep tool")
struct GrepToolTests {
    @Test("matches come back as path:line: text")
    func matches() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try TestSupport.write("alpha\nTODO: write tests\nbeta\n", to: "a.md", in: ws)
            try TestSupport.write("nothing here\n// TODO fix\n", to: "src/b.swift", in: ws)
            let out = try await TestSupport.run(GrepTool(), ["pattern": "TODO"], workspace: ws)
            #expect(out == "a.md:2: TODO: write tests\nsrc/b.swift:2: // TODO fix")
        }
    }

    @Test("ignore_case, glob and a single file path")
    func options() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try TestSupport.write("Invoice 42\ninvoice 43\n", to: "docs/a.md", in: ws)
            try TestSupport.write("INVOICE 44\n", to: "docs/b.txt", in: ws)
            #expect(try await TestSupport.run(GrepTool(), ["pattern": "invoice"], workspace: ws) == "docs/a.md:2: invoice 43")
            let all = try await TestSupport.run(GrepTool(), ["pattern": "invoice \\d+", "ignore_case": true], workspace: ws)
            #expect(all == "docs/a.md:1: Invoice 42\ndocs/a.md:2: invoice 43\ndocs/b.txt:1: INVOICE 44")
            let globbed = try await TestSupport.run(GrepTool(), ["pattern": "(?i)invoice", "glob": "*.txt"], workspace: ws)
            #expect(globbed == "docs/b.txt:1: INVOICE 44")
            let file = try await TestSupport.run(GrepTool(), ["pattern": "4[23]", "path": "docs/a.md"], workspace: ws)
            #expect(file == "docs/a.md:1: Invoice 42\ndocs/a.md:2: invoice 43")
        }
    }

    @Test("CRLF lines match at their end; binary files are skipped")
    func crlfAndBinary() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try TestSupport.write("first\r\nsecond line\r\n", to: "win.txt", in: ws)
            try Data([0x73, 0x65, 0x63, 0x6F, 0x6E, 0x64, 0x00, 0x01]).write(to: ws.appendingPathComponent("blob.bin"))
            #expect(try await TestSupport.run(GrepTool(), ["pattern": "line$"], workspace: ws) == "win.txt:2: second line")
            #expect(try await TestSupport.run(GrepTool(), ["pattern": "second"], workspace: ws) == "win.txt:2: second line")
        }
    }

    @Test("matches are capped with a note and long lines are shortened")
    func truncation() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try TestSupport.write((1...5).map { "hit \($0)" }.joined(separator: "\n"), to: "many.txt", in: ws)
            let out = try await TestSupport.run(GrepTool(maxMatches: 2), ["pattern": "hit"], workspace: ws)
            #expect(out == "many.txt:1: hit 1\nmany.txt:2: hit 2\n[truncated: showing the first 2 of 5 matching lines; narrow the pattern, path or glob]")
            try TestSupport.write(String(repeating: "x", count: 100) + "needle", to: "long.txt", in: ws)
            let long = try await TestSupport.run(GrepTool(maxLineLength: 20), ["pattern": "needle"], workspace: ws)
            #expect(long == "long.txt:1: " + String(repeating: "x", count: 20) + "…")
        }
    }

    @Test("files behind links that leave the workspace are never read")
    func noLeaks() async throws {
        try await TestSupport.withTemporaryDirectory { outside in
            try TestSupport.write("TOP SECRET\n", to: "secret.txt", in: outside)
            try await TestSupport.withTemporaryDirectory { ws in
                try TestSupport.symlink("leak.txt", in: ws, to: outside.appendingPathComponent("secret.txt").path)
                try TestSupport.symlink("outdir", in: ws, to: outside.path)
                #expect(try await TestSupport.run(GrepTool(), ["pattern": "SECRET"], workspace: ws) == "no matches for 'SECRET' in '.'")
                #expect(await TestSupport.failure(GrepTool(), ["pattern": "SECRET", "path": "leak.txt"], workspace: ws)?.codeName == "forbidden")
                #expect(await TestSupport.failure(GrepTool(), ["pattern": "SECRET", "path": "outdir"], workspace: ws)?.codeName == "forbidden")
                #expect(await TestSupport.failure(GrepTool(), ["pattern": "root", "path": "../../../etc/passwd"], workspace: ws)?.codeName == "forbidden")
            }
        }
    }

    @Test("bad arguments are reported")
    func errors() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            let bad = await TestSupport.failure(GrepTool(), ["pattern": "(unclosed"], workspace: ws)
            #expect(bad?.codeName == "invalid_arguments")
            #expect(bad?.message.hasPrefix("invalid regular expression '(unclosed'") == true)
            #expect(await TestSupport.failure(GrepTool(), [:], workspace: ws)?.message == "missing required argument 'pattern'")
            #expect(await TestSupport.failure(GrepTool(), ["pattern": "x", "path": "missing"], workspace: ws)?.codeName == "not_found")
            #expect(await TestSupport.failure(GrepTool(), ["pattern": "x"], workspace: nil)?.message == "this tool needs a session workspace")
        }
    }
}

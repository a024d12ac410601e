import AviaryCore
import Foundation
import Testing

@testable import AviaryTools

@Suite("edit tool")
struct EditToolTests {
    @Test("replaces a unique exact match")
    func uniqueMatch() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try TestSupport.write("name: draft\nstatus: draft-ish\n", to: "doc.yaml", in: ws)
            let out = try await TestSupport.run(EditTool(), ["path": "doc.yaml", "old_text": "name: draft\n", "new_text": "name: final\n"], workspace: ws)
            #expect(out == "edited doc.yaml: replaced 1 occurrence")
            #expect(TestSupport.read("doc.yaml", in: ws) == "name: final\nstatus: draft-ish\n")
        }
    }

    @Test("several matches need replace_all")
    func multipleMatches() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try TestSupport.write("a a a", to: "x.txt", in: ws)
            let ambiguous = await TestSupport.failure(EditTool(), ["path": "x.txt", "old_text": "a", "new_text": "b"], workspace: ws)
            #expect(ambiguous?.message == "old_text occurs 3 times in 'x.txt'; add surrounding text to make it unique, or set replace_all")
            #expect(TestSupport.read("x.txt", in: ws) == "a a a")
            let out = try await TestSupport.run(EditTool(), ["path": "x.txt", "old_text": "a", "new_text": "bb", "replace_all": true], workspace: ws)
            #expect(out == "edited x.txt: replaced 3 occurrences")
            #expect(TestSupport.read("x.txt", in: ws) == "bb bb bb")
        }
    }

    @Test("matching is byte-exact: no Unicode normalisation, overlapping matches count once")
    func exactness() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try TestSupport.write("caf\u{E9} and cafe\u{301}; aaaa", to: "u.txt", in: ws)
            _ = try await TestSupport.run(EditTool(), ["path": "u.txt", "old_text": "cafe\u{301}", "new_text": "CAFE"], workspace: ws)
            #expect(TestSupport.read("u.txt", in: ws) == "caf\u{E9} and CAFE; aaaa")
            _ = try await TestSupport.run(EditTool(), ["path": "u.txt", "old_text": "aa", "new_text": "b", "replace_all": true], workspace: ws)
            #expect(TestSupport.read("u.txt", in: ws) == "caf\u{E9} and CAFE; bb")
        }
    }

    @Test("missing text, missing files and no-op edits are errors")
    func errors() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try TestSupport.write("hello", to: "h.txt", in: ws)
            let missing = await TestSupport.failure(EditTool(), ["path": "h.txt", "old_text": "bye", "new_text": "x"], workspace: ws)
            #expect(missing?.codeName == "not_found")
            #expect(missing?.message == "old_text was not found in 'h.txt'; read the file and copy the text exactly")
            let noFile = await TestSupport.failure(EditTool(), ["path": "nope.txt", "old_text": "a", "new_text": "b"], workspace: ws)
            #expect(noFile?.message == "file 'nope.txt' does not exist; use write to create it")
            #expect(await TestSupport.failure(EditTool(), ["path": "h.txt", "old_text": "", "new_text": "b"], workspace: ws)?.codeName == "invalid_arguments")
            #expect(await TestSupport.failure(EditTool(), ["path": "h.txt", "old_text": "hello", "new_text": "hello"], workspace: ws)?.codeName == "invalid_arguments")
            #expect(TestSupport.read("h.txt", in: ws) == "hello")
        }
    }

    @Test("edits cannot escape the workspace")
    func escapes() async throws {
        try await TestSupport.withTemporaryDirectory { outside in
            try TestSupport.write("original", to: "victim.txt", in: outside)
            try await TestSupport.withTemporaryDirectory { ws in
                try TestSupport.symlink("victim.txt", in: ws, to: outside.appendingPathComponent("victim.txt").path)
                try TestSupport.symlink("out", in: ws, to: outside.path)
                for path in ["victim.txt", "out/victim.txt", "../victim.txt", outside.appendingPathComponent("victim.txt").path] {
                    let error = await TestSupport.failure(EditTool(), ["path": .string(path), "old_text": "original", "new_text": "pwned"], workspace: ws)
                    #expect(error?.codeName == "forbidden", "\(path)")
                }
                #expect(TestSupport.read("victim.txt", in: outside) == "original")
            }
        }
    }
}

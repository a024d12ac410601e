import AviaryTestSupport
import Foundation
import Testing

/// `aviary jmespath EXPR` over standard input or `--file`.
@Suite struct JMESPathCommandTests {
    /// Runs `aviary jmespath` with `document` on standard input.
    func run(_ arguments: [String], stdin document: String) async throws -> (Int32, String, String) {
        try await withTemporaryDirectory { dir in
            let input = dir.appendingPathComponent("doc.json")
            try Data(document.utf8).write(to: input)
            let process = try CLIProcess(["jmespath"] + arguments, environment: [:], standardInput: input)
            try await process.start()
            return await process.finish()
        }
    }

    @Test func printsTheResultAsJSON() async throws {
        let (status, out, err) = try await run(["people[?age > `30`].name | sort(@)"],
                                               stdin: #"{"people": [{"name": "b", "age": 40}, {"name": "a", "age": 31}, {"name": "c", "age": 20}]}"#)
        #expect(status == 0, "\(err)")
        #expect(out == "[\"a\",\"b\"]\n")
    }

    @Test func readsTheDocumentFromAFile() async throws {
        try await withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("doc.json")
            try Data(#"{"a": {"b": [1, 2, 3]}}"#.utf8).write(to: file)
            let (status, out, err) = try await CLIProcess.run(["jmespath", "sum(a.b)", "--file", file.path], environment: [:])
            #expect(status == 0, "\(err)")
            #expect(out == "6\n")
        }
    }

    @Test func expressionErrorsPrintTheirKindAndExitOne() async throws {
        let (status, out, err) = try await run(["foo["], stdin: "{}")
        #expect(status == 1)
        #expect(out.isEmpty)
        #expect(err.hasPrefix("error: syntax: "), "\(err)")
        let (status2, _, err2) = try await run(["abs(foo)"], stdin: #"{"foo": "x"}"#)
        #expect(status2 == 1)
        #expect(err2.hasPrefix("error: invalid-type: "), "\(err2)")
        let (status3, _, err3) = try await run(["nope()"], stdin: "{}")
        #expect(status3 == 1)
        #expect(err3.hasPrefix("error: unknown-function: "), "\(err3)")
    }

    @Test func aDocumentThatIsNotJSONIsAnError() async throws {
        let (status, _, err) = try await run(["a"], stdin: "{not json")
        #expect(status == 1)
        #expect(err.hasPrefix("error: invalid-document: standard input is not JSON"), "\(err)")
    }
}

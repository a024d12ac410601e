import AviaryCore
import Foundation
import Testing

@testable import AviaryTools

/// The inputs of the security review's attacks on `find` and `grep` end with a clear tool error at
/// the call's budget, never with a frozen thread or a false "no match".
@Suite("find and grep work limits")
struct ToolWorkLimitsTests {
    @Test("find with 40 {a,b} groups is refused at once with a clear error")
    func findBraceBomb() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try TestSupport.write("x", to: "a.txt", in: ws)
            let pattern = String(repeating: "{a,b}", count: 40)
            let error = await TestSupport.failure(FindTool(), ["pattern": .string(pattern)], workspace: ws)
            #expect(error?.codeName == "invalid_arguments")
            #expect(error?.message.contains("{…} groups") == true)
            let grepGlob = await TestSupport.failure(GrepTool(), ["pattern": "x", "glob": .string(pattern)], workspace: ws)
            #expect(grepGlob?.codeName == "invalid_arguments")
        }
    }

    @Test("grep with ^(a+)+$ over 20 lines of a…a! ends with an error naming the line, not 'no matches'")
    func grepCatastrophicPattern() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            let line = String(repeating: "a", count: 30) + "!"
            try TestSupport.write(Array(repeating: line, count: 20).joined(separator: "\n") + "\n", to: "big.txt", in: ws)
            // the backtracking bound is a count of ICU's work, so no time limit is involved
            let error = await TestSupport.failure(GrepTool(timeLimit: .seconds(3600)), ["pattern": "^(a+)+$"], workspace: ws)
            #expect(error?.codeName == "failed")
            #expect(error?.message.contains("big.txt:1") == true, "\(error?.message ?? "")")
            #expect(error?.message.contains("backtracks too much") == true)
            #expect(error?.message.contains("no matches") == false)
        }
    }

    @Test("where ICU would give up silently and report a false 'no match', grep reports an error; below that it finds the match")
    func grepNeverReportsICUsSilentGiveUp() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            // `a` matches every line, but only after the first alternative's exponential search fails
            let pattern: JSONValue = "^(?:(a|a)+$|a)"
            try TestSupport.write(String(repeating: "a", count: 30) + "!\n", to: "long.txt", in: ws)
            try TestSupport.write(String(repeating: "a", count: 12) + "!\n", to: "short.txt", in: ws)
            let error = await TestSupport.failure(GrepTool(timeLimit: .seconds(3600)), ["pattern": pattern, "path": "long.txt"], workspace: ws)
            #expect(error?.message.contains("long.txt:1") == true, "\(error?.message ?? "")")
            let found = try await TestSupport.run(GrepTool(), ["pattern": pattern, "path": "short.txt"], workspace: ws)
            #expect(found == "short.txt:1: aaaaaaaaaaaa!")
        }
    }

    @Test("an ICU failure on a long line (backtracking stack overflow) is an error, not 'no matches'")
    func grepEngineFailure() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            // (?:a|b)*$ matches every line; over 3 million characters ICU's backtracking stack overflows
            try TestSupport.write(String(repeating: "a", count: 3_000_000) + "\n", to: "wide.txt", in: ws)
            let error = await TestSupport.failure(GrepTool(), ["pattern": "(?:a|b)*$"], workspace: ws)
            #expect(error?.codeName == "failed")
            #expect(error?.message.contains("wide.txt:1") == true, "\(error?.message ?? "")")
            #expect(error?.message.contains("engine failed") == true)
        }
    }

    @Test("a long line with a plain pattern searches to the end: the backtracking bound grows with the line")
    func grepLongPlainLine() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try TestSupport.write(String(repeating: "ab", count: 1_000_000) + "\n", to: "wide.txt", in: ws)
            #expect(try await TestSupport.run(GrepTool(), ["pattern": "(?:ba|ab)c"], workspace: ws) == "no matches for '(?:ba|ab)c' in '.'")
            let end = try await TestSupport.run(GrepTool(maxLineLength: 20), ["pattern": "(?:x|b)$"], workspace: ws)
            #expect(end == "wide.txt:1: " + String(repeating: "ab", count: 10) + "…")
        }
    }

    @Test("grep over many lines that each backtrack within bounds stops at its time limit with an error")
    func grepTimeLimit() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            // each line costs about a million backtracking steps: thousands of lines take minutes on any machine
            let line = String(repeating: "a", count: 20) + "!"
            try TestSupport.write(Array(repeating: line, count: 5_000).joined(separator: "\n"), to: "many.txt", in: ws)
            let error = await TestSupport.failure(GrepTool(timeLimit: .milliseconds(100)), ["pattern": "^(?:a|a)+$"], workspace: ws)
            #expect(error?.codeName == "timeout")
            #expect(error?.message.contains("time limit") == true)
            #expect(error?.message.contains("no matches") == false)
        }
    }

    @Test("grep refuses an overlong pattern and stops at its line budget with an error")
    func grepLimits() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try TestSupport.write((1...50).map { "line \($0)" }.joined(separator: "\n"), to: "a.txt", in: ws)
            let long = await TestSupport.failure(GrepTool(maxPatternLength: 10), ["pattern": "abcdefghijk"], workspace: ws)
            #expect(long?.codeName == "invalid_arguments")
            let lines = await TestSupport.failure(GrepTool(maxLinesScanned: 20), ["pattern": "nothing"], workspace: ws)
            #expect(lines?.message.contains("limit of 20 steps") == true)
            #expect(try await TestSupport.run(GrepTool(maxLinesScanned: 100), ["pattern": "line 50"], workspace: ws) == "a.txt:50: line 50")
        }
    }

    @Test("a cancelled grep stops inside a catastrophic match and reports it, not 'no matches'")
    func grepCancelled() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try TestSupport.write(String(repeating: "a", count: 40) + "!\n", to: "big.txt", in: ws)
            let call = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return await TestSupport.failure(GrepTool(timeLimit: .seconds(3600)), ["pattern": "^(a+)+$"], workspace: ws)
            }
            let error = await call.value
            #expect(error?.codeName == "timeout")
            #expect(error?.message.contains("cancelled") == true)
        }
    }

    @Test("edit with a long old_text that almost matches everywhere stops at its time limit with an error")
    func editNearMisses() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            try TestSupport.write(String(repeating: "a", count: 2_000_000), to: "a.txt", in: ws)
            let needle = String(repeating: "a", count: 20_000) + "b"
            let error = await TestSupport.failure(EditTool(timeLimit: .milliseconds(100)),
                                                  ["path": "a.txt", "old_text": .string(needle), "new_text": "x"], workspace: ws)
            #expect(error?.codeName == "timeout")
            #expect(FileSystemProbe.size(ofPath: ws.appendingPathComponent("a.txt").path) == 2_000_000)
        }
    }

    @Test("the workspace tools declare that their bodies block, so the runtime runs them off the event loops")
    func blockingPolicies() {
        #expect(WorkspaceTools.all().allSatisfy { $0.policy.blocking })
    }
}

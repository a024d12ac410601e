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

    @Test("grep with ^(a+)+$ over 20 lines of a…a! ends with a timeout error at its time limit, not 'no matches'")
    func grepCatastrophicPattern() async throws {
        try await TestSupport.withTemporaryDirectory { ws in
            let line = String(repeating: "a", count: 30) + "!"
            try TestSupport.write(Array(repeating: line, count: 20).joined(separator: "\n") + "\n", to: "big.txt", in: ws)
            let tool = GrepTool(timeLimit: .milliseconds(100))
            let error = await TestSupport.failure(tool, ["pattern": "^(a+)+$"], workspace: ws)
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

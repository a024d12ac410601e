import AviaryCore
import AviaryTestSupport
import Foundation
import Testing

/// `aviary test` from a real process on a copy of `Examples/support-swarm`: seed 000's three
/// session test cases pass offline, replayed from their committed recordings (no provider key, no
/// network, no web search provider), and each report has seed 000's sections. This is how the
/// three cases pass in CI.
@Suite struct SessionTestCommandTests {
    static let cases = ["01_base_agent_native_tools", "02_customer_data_active_incidents", "03_knowledge_agent_compare_stone_vs_infinitepay"]

    /// A copy of the example as a user checks it out.
    static func copyExample(to dir: URL) throws -> URL {
        let project = dir.appendingPathComponent("support-swarm")
        try FileManager.default.copyItem(at: CLIProcess.packageRoot.appendingPathComponent("Examples/support-swarm"), to: project)
        for leftover in [".aviary", "data/support.db", "tests/results"] { try? FileManager.default.removeItem(at: project.appendingPathComponent(leftover)) }
        return project
    }

    static func report(_ project: URL, _ name: String) throws -> String {
        try String(contentsOf: project.appendingPathComponent("tests/results/\(name).md"), encoding: .utf8)
    }

    @Test func seedZerosThreeCasesPassOfflineFromTheirRecordings() async throws {
        try await withTemporaryDirectory { dir in
            let project = try Self.copyExample(to: dir)
            let (status, out, err) = try await CLIProcess.run(["test", "--project", project.path, "--json"], environment: [:])
            #expect(status == 0, "\(err)")
            let summary = try JSONValue(parsing: Array(out.utf8))
            #expect(summary["passed"] == 3 && summary["failed"] == 0, "\(out)")
            #expect(summary["cases"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == Self.cases)
            #expect(summary["cases"]?.arrayValue?.allSatisfy { $0["mode"] == "replay" } == true)
            #expect(err.contains("setup: ingested knowledge into 'infinitepay' (8 created"))
            for name in Self.cases { #expect(err.contains("✓ \(name) passed (replay"), "\(err)") }
            #expect(err.contains("3 passed, 0 failed (3 cases)"))
            #expect(!err.contains("local model"), "a replay neither installs nor starts the embedded model")

            for name in Self.cases {
                let text = try Self.report(project, name)
                var position = text.startIndex
                for section in ["# Agent Session Test Result: \(name)\n", "\nGenerated: ", "\n## Description (human)\n", "\n## Request\n",
                                "\n- chat_url: in-process (replay of tests/recordings/\(name).json)", "\n- user_id: ", "\n- session_id: (new session)",
                                "\n- question: ", "\n## Response\n", "\"sessionId\": ", "\n## Session Files (name + first 100 chars)\n",
                                "\n## Conversations (structured)\n", "\n### Conversation: `router`\n", "\n1. **user**\n", "\n## Result\n",
                                "\n- status: **passed**\n"] {
                    let found = text.range(of: section, range: position..<text.endIndex)
                    #expect(found != nil, "\(name): missing or out of order: \(section)")
                    if let found { position = found.upperBound }
                }
            }
            let files = try Self.report(project, Self.cases[0])
            #expect(files.contains("- `notes/today.txt` (24 bytes)\n  > Meeting with Acme at 3pm\n"))
            #expect(files.contains("     - name: write\n       args: {\"content\":\"Meeting with Acme at 3pm\",\"path\":\"notes/today.txt\"}\n"))
            let incidents = try Self.report(project, Self.cases[1])
            #expect(incidents.contains("### Conversation: `customer_support`"))
            #expect(incidents.contains("- name: get_active_incidents"))
            #expect(incidents.contains("Pix transfers delayed"))
            let comparison = try Self.report(project, Self.cases[2])
            #expect(comparison.contains("### Conversation: `knowledge_agent`"))
            #expect(comparison.contains("- name: rag_search") && comparison.contains("- name: web_search"))
            #expect(comparison.contains(#""source":"knowledge/"#), "rag_search ran over the ingested corpus")
            #expect(comparison.contains("- `comparison.md` ("))
            #expect(comparison.contains("  > # Stone vs InfinitePay: card machines"))
        }
    }

    @Test func anUnmetExpectationFailsTheRunAndIsNamed() async throws {
        try await withTemporaryDirectory { dir in
            let project = try Self.copyExample(to: dir)
            let file = project.appendingPathComponent("tests/test_cases.json")
            let text = try String(contentsOf: file, encoding: .utf8)
                .replacingOccurrences(of: #""files_created": ["notes/today.txt"]"#, with: #""files_created": ["notes/today.txt", "notes/tomorrow.txt"]"#)
            try text.write(to: file, atomically: true, encoding: .utf8)
            let (status, _, err) = try await CLIProcess.run(["test", "--project", project.path, "--case", Self.cases[0]], environment: [:])
            #expect(status == 1)
            #expect(err.contains("✗ \(Self.cases[0]) failed (replay"))
            #expect(err.contains("    - files_created: 'notes/tomorrow.txt' is not in the session workspace (files: notes/today.txt)"))
            #expect(err.contains("0 passed, 1 failed (1 case)"))
            let report = try Self.report(project, Self.cases[0])
            #expect(report.contains("- ✗ files_created: 'notes/tomorrow.txt' is not in the session workspace"))
        }
    }

    @Test func badInputIsRefusedWithOneLine() async throws {
        try await withTemporaryDirectory { dir in
            let project = try Self.copyExample(to: dir)
            let (unknown, _, unknownErr) = try await CLIProcess.run(["test", "--project", project.path, "--case", "04_missing"], environment: [:])
            #expect(unknown == 1)
            #expect(unknownErr.contains("error: no test case named '04_missing'; cases: 01_base_agent_native_tools, "))
            let file = project.appendingPathComponent("tests/test_cases.json")
            try #"{"tests": [{"name": "a", "default_question": "q", "expect": {"tool_called": []}}]}"#.write(to: file, atomically: true, encoding: .utf8)
            let (typo, _, typoErr) = try await CLIProcess.run(["test", "--project", project.path], environment: [:])
            #expect(typo == 1)
            #expect(typoErr.contains("error: test_cases.json: tests[0].expect: unknown field 'tool_called'"), "\(typoErr)")
        }
    }
}

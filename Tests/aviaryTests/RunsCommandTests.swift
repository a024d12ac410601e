import AviaryApp
import AviaryCore
import AviaryStorage
import AviaryTestSupport
import Foundation
import Testing

/// `aviary runs list --json` and `aviary runs show --json`: one JSON object per run, with the
/// HTTP API's run fields.
@Suite struct RunsCommandTests {
    /// Every field of a run object in the HTTP API (`docs/api.md`); a run leaves out those it has no value for.
    static let apiFields: Set<String> = ["id", "agent", "status", "principal", "input", "usage", "created_at", "updated_at",
                                         "session_id", "parent_run_id", "output", "error"]

    static func date(_ seconds: Int) -> Date { Date(timeIntervalSince1970: TimeInterval(1_790_000_000 + seconds)) }

    /// A project whose database holds a top-level run (every field but `parent_run_id` set), a newer
    /// pending child run of it, and another tenant's run.
    static func withRuns(_ body: (URL, _ parent: RunRecord, _ child: RunRecord) async throws -> Void) async throws {
        try await withTemporaryDirectory { dir in
            try KillAndResumeTests.writeProject(dir)
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(".aviary"), withIntermediateDirectories: true)
            let parent = RunRecord(id: RunID("run_parent"), tenant: "default", principal: "cli", sessionID: "ses_1", agent: "scribe",
                                   input: ["question": "note \"the\" milk\nplease"], status: .failed, output: ["partial": [1, 2.5, true]],
                                   error: "model said no", usage: Usage(inputTokens: 12, outputTokens: 5, costUSD: 0.25, requests: 2),
                                   createdAt: date(0), updatedAt: date(3))
            let child = RunRecord(id: RunID("run_child"), tenant: "default", principal: "cli", parentRunID: parent.id, agent: "scribe",
                                  input: ["question": "sub"], createdAt: date(1), updatedAt: date(1))
            let foreign = RunRecord(id: RunID("run_foreign"), tenant: "globex", principal: "x", agent: "scribe", input: [:],
                                    createdAt: date(2), updatedAt: date(2))
            try await SQLiteStorage.withStorage(path: dir.appendingPathComponent(".aviary/aviary.sqlite").path) { storage in
                for run in [parent, child, foreign] {
                    try await storage.store.createRun(run)
                    try await storage.store.updateRun(run)
                }
            }
            try await body(dir, parent, child)
        }
    }

    /// The runs as stored, read back the way the CLI reads them.
    static func stored(_ dir: URL, _ ids: [RunID]) async throws -> [RunRecord] {
        try await SQLiteStorage.withStorage(path: dir.appendingPathComponent(".aviary/aviary.sqlite").path) { storage in
            var runs: [RunRecord] = []
            for id in ids { runs.append(try #require(try await storage.store.loadRun(id, tenant: "default"))) }
            return runs
        }
    }

    @Test func listPrintsOneAPIRunObjectPerLineNewestFirst() async throws {
        try await Self.withRuns { dir, parent, child in
            let (status, out, err) = try await CLIProcess.run(["runs", "list", "--json", "--project", dir.path], environment: [:])
            #expect(status == 0, "\(err)")
            let lines = out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(out.hasSuffix("\n"))
            let objects = try lines.map { try JSONValue(parsing: String($0)) }
            #expect(objects.map { $0["id"]?.stringValue } == [child.id.rawValue, parent.id.rawValue], "newest first, this tenant only")
            // Exactly the API's encoding of each run.
            let expected = try await Self.stored(dir, [child.id, parent.id]).map { try JSONValue(parsing: RunJSON.line($0)) }
            #expect(objects == expected)

            let full = try #require(objects.last?.objectValue)
            #expect(Set(full.keys) == Self.apiFields.subtracting(["parent_run_id"]))
            #expect(full["status"] == "failed")
            #expect(full["input"] == ["question": "note \"the\" milk\nplease"])
            #expect(full["output"] == ["partial": [1, 2.5, true]])
            #expect(full["usage"] == ["input_tokens": 12, "output_tokens": 5, "total_tokens": 17, "cost_usd": 0.25])
            #expect(full["session_id"] == "ses_1")
            #expect(full["created_at"]?.stringValue?.hasPrefix("2026-") == true)
            // Fields without a value are left out, as in the API.
            let minimal = try #require(objects.first?.objectValue)
            #expect(Set(minimal.keys) == Self.apiFields.subtracting(["session_id", "output", "error"]))
            #expect(minimal["parent_run_id"] == .string(parent.id.rawValue))
        }
    }

    @Test func listOfNoRunsPrintsNothing() async throws {
        try await withTemporaryDirectory { dir in
            try KillAndResumeTests.writeProject(dir)
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(".aviary"), withIntermediateDirectories: true)
            try await SQLiteStorage.withStorage(path: dir.appendingPathComponent(".aviary/aviary.sqlite").path) { _ in }
            let (status, out, err) = try await CLIProcess.run(["runs", "list", "--json", "--project", dir.path], environment: [:])
            #expect(status == 0, "\(err)")
            #expect(out.isEmpty)
        }
    }

    @Test func showPrintsTheRunsAPIObject() async throws {
        try await Self.withRuns { dir, parent, _ in
            let (status, out, err) = try await CLIProcess.run(["runs", "show", parent.id.rawValue, "--json", "--project", dir.path],
                                                        environment: [:])
            #expect(status == 0, "\(err)")
            #expect(out.split(separator: "\n").count == 1)
            let object = try JSONValue(parsing: out)
            let stored = try #require(try await Self.stored(dir, [parent.id]).first)
            #expect(object == (try JSONValue(parsing: RunJSON.line(stored))))
            #expect(Set((object.objectValue ?? [:]).keys) == Self.apiFields.subtracting(["parent_run_id"]))
        }
    }

    @Test func showOfAnotherTenantsRunIsNotFound() async throws {
        try await Self.withRuns { dir, _, _ in
            let (status, out, err) = try await CLIProcess.run(["runs", "show", "run_foreign", "--json", "--project", dir.path], environment: [:])
            #expect(status != 0)
            #expect(out.isEmpty)
            #expect(err.contains("run run_foreign not found"))
        }
    }

    @Test func showRefusesEventsWithJSON() async throws {
        try await Self.withRuns { dir, parent, _ in
            let (status, out, err) = try await CLIProcess.run(["runs", "show", parent.id.rawValue, "--json", "--events", "--project", dir.path],
                                                        environment: [:])
            #expect(status != 0)
            #expect(out.isEmpty)
            #expect(err.contains("--events does not combine with --json"))
        }
    }
}

/// `aviary runs prune --older-than AGE`.
@Suite struct RunsPruneCommandTests {
    @Test func pruneDeletesOldFinishedRunsEventsAndKeepsTheRuns() async throws {
        try await withTemporaryDirectory { dir in
            try KillAndResumeTests.writeProject(dir)
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(".aviary"), withIntermediateDirectories: true)
            let old = RunRecord(id: RunID("run_old"), tenant: "default", principal: "cli", agent: "scribe", input: [:], status: .completed,
                                createdAt: RunsCommandTests.date(0), updatedAt: RunsCommandTests.date(1))
            let path = dir.appendingPathComponent(".aviary/aviary.sqlite").path
            try await SQLiteStorage.withStorage(path: path) { storage in
                try await storage.store.createRun(old)
                try await storage.store.updateRun(old)
                try await storage.store.appendEvents([RunEvent(runID: old.id, sequence: 1, tenant: "default", kind: .runStarted, data: [:])])
            }
            let (status, _, err) = try await CLIProcess.run(["runs", "prune", "--older-than", "30d", "--project", dir.path], environment: [:])
            #expect(status == 0, "\(err)")
            #expect(err.contains("pruned 1 events and 0 journal entries"), "\(err)")
            try await SQLiteStorage.withStorage(path: path) { storage async throws in
                #expect(try await storage.store.loadEvents(old.id, tenant: "default").isEmpty)
                #expect(try await storage.store.loadRun(old.id, tenant: "default")?.status == .completed)
            }
            let (bad, _, badErr) = try await CLIProcess.run(["runs", "prune", "--older-than", "a while", "--project", dir.path], environment: [:])
            #expect(bad != 0)
            #expect(badErr.contains("--older-than must be a positive number"))
        }
    }
}

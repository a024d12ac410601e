import AsyncHTTPClient
import AviaryCore
import AviaryTestSupport
import Foundation
import NIOHTTP1
import Testing

/// A real `aviary serve` picks up an edited, a broken and a removed workflow file without a
/// restart (`server.reload_seconds: 1`): the API serves the new version, keeps the last good one
/// of a file that breaks, and forgets a removed one.
@Suite struct ServeReloadTests {
    @Test func aServedWorkflowIsEditedBrokenAndRemovedWithoutARestart() async throws {
        try await withTemporaryDirectory { dir in
            try WorkflowCommandsTests.writeProject(dir)
            let config = dir.appendingPathComponent("aviary.yaml")
            try (try String(contentsOf: config, encoding: .utf8) + "server: {reload_seconds: 1}\n").write(to: config, atomically: true, encoding: .utf8)
            let env = ["OPENAI_API_KEY": "x", "AVIARY_PORT": "0"]
            let (_, keyOut, _) = try await CLIProcess.run(["keys", "create", "--project", dir.path, "--tenant", "acme", "--role", "user"], environment: env)
            let key = keyOut.trimmingCharacters(in: .whitespacesAndNewlines)
            let cli = try CLIProcess(["serve", "--project", dir.path], environment: env)
            try await cli.start()
            defer { if cli.isRunning { kill(cli.processIdentifier, SIGKILL) } }
            let bound = try await cli.listeningPort()
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
            defer { _ = client.shutdown() }
            let url = "http://127.0.0.1:\(bound)/api/v1/workflows/order"
            func version() async throws -> String? {
                let (status, body) = try await ApprovalKillTests.call(client, .GET, url, key: key)
                return status == 200 ? body["version"]?.stringValue : "status \(status)"
            }
            #expect(try await version() == "1.1.0")

            let file = dir.appendingPathComponent("workflows/order.yaml")
            let original = try String(contentsOf: file, encoding: .utf8)
            try original.replacingOccurrences(of: "version: 1.1.0", with: "version: 1.2.0").write(to: file, atomically: true, encoding: .utf8)
            #expect(try await eventually { try await version() == "1.2.0" }, "the edit is served")

            try "name: order\nworkflow: {nodes: [{id: a, tool: nothing}], edges: [{from: a, to: FINISH}]}\n".write(to: file, atomically: true, encoding: .utf8)
            #expect(try await eventually {
                ((try? String(contentsOf: cli.errorFile, encoding: .utf8)) ?? "").contains("unknown tool 'nothing'")
            }, "the broken file is logged")
            #expect(try await version() == "1.2.0", "the last good version stays")

            try FileManager.default.removeItem(at: file)
            #expect(try await eventually { try await version() == "status 404" }, "the removed workflow is gone")
        }
    }
}

import AviaryCore
import AviaryTestSupport
import Foundation
import Testing

/// `aviary keys create|list|revoke` as a user types them.
@Suite struct KeysCommandTests {
    @Test func createListAndRevokeKeys() async throws {
        try await withTemporaryDirectory { dir in
            try KillAndResumeTests.writeProject(dir)
            let project = ["--project", dir.path]
            var ids: [String] = []
            for _ in 0..<2 {
                let (status, out, err) = try await CLIProcess.run(["keys", "create", "--tenant", "acme", "--role", "user"] + project,
                                                                  environment: [:])
                #expect(status == 0, "\(err)")
                let key = out.trimmingCharacters(in: .whitespacesAndNewlines)
                let id = String(key.split(separator: "_")[1])
                #expect(err.contains("principal 'key:\(id)'"), "each key is its own owner: \(err)")
                ids.append(id)
            }
            let (expiring, _, expiringErr) = try await CLIProcess.run(
                ["keys", "create", "--tenant", "acme", "--role", "service", "--expires-in", "12h", "--name", "ci"] + project, environment: [:])
            #expect(expiring == 0)
            #expect(expiringErr.contains("expires"))

            let (listed, json, _) = try await CLIProcess.run(["keys", "list", "--tenant", "acme", "--json"] + project, environment: [:])
            #expect(listed == 0)
            let keys = try json.split(separator: "\n").map { try JSONValue(parsing: String($0)) }
            #expect(keys.count == 3)
            #expect(Set(keys.compactMap { $0["principal"]?.stringValue }).count == 3)
            #expect(keys.first { $0["name"]?.stringValue == "ci" }?["expires_at"]?.stringValue != nil)

            let (revoked, _, revokedErr) = try await CLIProcess.run(["keys", "revoke", ids[0], "--tenant", "acme"] + project, environment: [:])
            #expect(revoked == 0, "\(revokedErr)")
            let (_, table, _) = try await CLIProcess.run(["keys", "list", "--tenant", "acme"] + project, environment: [:])
            #expect(table.split(separator: "\n").contains { $0.hasPrefix(ids[0]) && $0.contains("revoked") })
            let (wrongTenant, _, wrongErr) = try await CLIProcess.run(["keys", "revoke", ids[1], "--tenant", "globex"] + project, environment: [:])
            #expect(wrongTenant != 0)
            #expect(wrongErr.contains("no key '\(ids[1])' in tenant 'globex'"))
            let (badExpiry, _, badErr) = try await CLIProcess.run(
                ["keys", "create", "--tenant", "acme", "--role", "user", "--expires-in", "soon"] + project, environment: [:])
            #expect(badExpiry != 0)
            #expect(badErr.contains("--expires-in"))
        }
    }
}

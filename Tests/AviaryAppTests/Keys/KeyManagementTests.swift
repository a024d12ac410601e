import AviaryApp
import AviaryCore
import AviaryStorage
import AviaryTestSupport
import Foundation
import Logging
import Testing

/// `aviary keys create|list|revoke` as the command line calls them, and the warning `aviary serve`
/// gives about keys that share a principal.
@Suite struct KeyManagementTests {
    @Test func defaultKeysHaveTheirOwnPrincipalsAndListRevokeAndExpire() async throws {
        try await ExampleProject.with("support-swarm") { config in
            let a = try await AviaryApplication.createAPIKey(config, tenant: "acme", principal: nil, role: "user", name: "web")
            let b = try await AviaryApplication.createAPIKey(config, tenant: "acme", principal: nil, role: "user", name: "")
            let c = try await AviaryApplication.createAPIKey(config, tenant: "acme", principal: "ops", role: "admin", name: "ops",
                                                             expiresIn: "90d")
            #expect(a.principal == "key:\(a.id)")
            #expect(b.principal == "key:\(b.id)")
            #expect(c.principal == "key:ops")
            let expiry = try #require(c.expiresAt)
            #expect(abs(expiry.timeIntervalSinceNow - 90 * 86_400) < 600)
            #expect(a.expiresAt == nil)

            let lines = try await AviaryApplication.listAPIKeys(config, tenant: "acme", json: true)
            let listed = try lines.map { try JSONValue(parsing: $0) }
            #expect(Set(listed.compactMap { $0["id"]?.stringValue }) == [a.id, b.id, c.id])
            #expect(listed.allSatisfy { $0["status"]?.stringValue == "active" })
            #expect(!lines.joined().contains(String(a.key.split(separator: "_")[2])), "never the secret")
            let text = try await AviaryApplication.listAPIKeys(config, tenant: "acme", json: false)
            #expect(text.contains { $0.hasPrefix(c.id) && $0.contains("active") && $0.contains("key:ops") && $0.contains("expires") })

            try await AviaryApplication.revokeAPIKey(config, tenant: "acme", id: a.id)
            let after = try await AviaryApplication.listAPIKeys(config, tenant: "acme", json: true).map { try JSONValue(parsing: $0) }
            #expect(after.first { $0["id"]?.stringValue == a.id }?["status"]?.stringValue == "revoked")
            await #expect(throws: ConfigurationError.self) { try await AviaryApplication.revokeAPIKey(config, tenant: "globex", id: b.id) }
            #expect(try await AviaryApplication.listAPIKeys(config, tenant: "globex", json: false) == ["no keys in tenant 'globex'"])
            for bad in ["0d", "-1h", "12", "ten days", "5w", "99999999d"] {
                await #expect(throws: ConfigurationError.self, "\(bad)") {
                    _ = try await AviaryApplication.createAPIKey(config, tenant: "acme", principal: nil, role: "user", name: "", expiresIn: bad)
                }
            }
        }
    }

    @Test func serveWarnsWhenActiveKeysShareAPrincipal() async throws {
        try await ExampleProject.with("support-swarm") { config in
            for _ in 0..<2 { _ = try await AviaryApplication.createAPIKey(config, tenant: "acme", principal: "frontend", role: "user", name: "") }
            _ = try await AviaryApplication.createAPIKey(config, tenant: "acme", principal: nil, role: "user", name: "")
            let records = RecordingLogHandler.Records()
            try await AviaryDatabase.withDatabase(config.storage) { database in
                await AviaryApplication.warnAboutSharedKeyPrincipals(database.store, logger: RecordingLogHandler.logger(records))
            }
            let warnings = records.all.filter { $0.level == .warning }
            #expect(warnings.count == 1)
            #expect(warnings.first?.metadata["principal"] == "key:frontend")
            #expect(warnings.first?.metadata["tenant"] == "acme")
            #expect(warnings.first?.message.contains("2 active API keys share one principal") == true)
        }
    }
}

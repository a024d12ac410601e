import AviaryCore
import AviaryHTTP
import AviaryStorage
import AviaryTestSupport
import Foundation
import JWTKit
import NIOHTTP1
import Testing

/// Keys own what they create: two keys made with the defaults are two owners, a token cannot act
/// as a key, and admins list and revoke their tenant's keys.
@Suite struct KeyIsolationTests {
    @Test func twoDefaultKeysCannotSeeCancelResumeOrDeleteEachOthersRunsAndSessions() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool()], model: TestAgents.model()) { fx in
            let a = try await fx.key(principal: nil)
            let b = try await fx.key(principal: nil)
            let chat = try await fx.call(.POST, "/chat", key: a, json: ["question": "hi"])
            #expect(chat.status == 200)
            let run = try #require(chat.json?["runId"]?.stringValue)
            let session = try #require(chat.json?["sessionId"]?.stringValue)

            #expect(try await fx.call(.GET, "/api/v1/runs/\(run)", key: a).status == 200)
            for path in ["/api/v1/runs/\(run)", "/api/v1/runs/\(run)/events?follow=false", "/sessions/\(session)",
                         "/sessions/\(session)/messages"] {
                let seen = try await fx.call(.GET, path, key: b)
                #expect(seen.status == 403, "\(path)")
                #expect(seen.errorCode == "forbidden")
            }
            for path in ["/api/v1/runs/\(run)/cancel", "/api/v1/runs/\(run)/resume"] {
                #expect(try await fx.call(.POST, path, key: b).status == 403, "\(path)")
            }
            #expect(try await fx.call(.DELETE, "/sessions/\(session)", key: b).status == 403)
            #expect(try await fx.call(.GET, "/api/v1/runs", key: b).json?["runs"]?.arrayValue?.isEmpty == true)
            // b naming a's session in a chat gets a session of its own
            let other = try await fx.call(.POST, "/chat", key: b, json: ["question": "hi", "sessionId": .string(session)])
            #expect(other.status == 200)
            #expect(other.json?["sessionId"]?.stringValue != session)
            // a still has everything
            #expect(try await fx.call(.GET, "/sessions/\(session)", key: a).status == 200)
            #expect(try await fx.call(.GET, "/api/v1/runs", key: a).json?["runs"]?.arrayValue?.count == 1)
            #expect(try await fx.call(.DELETE, "/sessions/\(session)", key: a).status == 204)

            // each default key has its own principal, in the key namespace
            let owners = Set(try await fx.store.listAPIKeys(tenant: "acme").map(\.principal))
            #expect(owners.count == 2)
            #expect(owners.allSatisfy { $0.hasPrefix("key:") })
            #expect(try await fx.store.sharedKeyPrincipals().isEmpty)
        }
    }

    @Test func aTokenWhoseSubjectNamesAKeysPrincipalCannotActAsTheKey() async throws {
        let secret = "top-secret-for-tests-0123456789abcdef"
        let signer = JWTKeyCollection()
        await signer.add(hmac: "top-secret-for-tests-0123456789abcdef", digestAlgorithm: .sha256)
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool()], model: TestAgents.model(),
                                     configure: { $0.jwt = JWTSettings(hs256Secret: secret, issuer: "https://id.example.com", audience: "aviary") }) { fx in
            let key = try await fx.key(principal: "alice")
            let chat = try await fx.call(.POST, "/chat", key: key, json: ["question": "hi"])
            let run = try #require(chat.json?["runId"]?.stringValue)
            let stored = try #require(try await fx.store.loadRun(RunID(run), tenant: "acme"))
            #expect(stored.principal == "key:alice")
            for subject in ["alice", "key:alice"] {
                let token = try await signer.sign(TestClaims.valid(sub: subject, role: "user"))
                let seen = try await fx.call(.GET, "/api/v1/runs/\(run)", key: token)
                #expect(seen.status == 403, "a token with sub '\(subject)' is jwt:\(subject), not the key")
                #expect(try await fx.call(.GET, "/api/v1/runs", key: token).json?["runs"]?.arrayValue?.isEmpty == true)
            }
            // a token's own runs are its subject's, and a user chats as its subject
            let token = try await signer.sign(TestClaims.valid(sub: "carol", role: "user"))
            let mine = try await fx.call(.POST, "/chat", key: token, json: ["question": "hi", "userId": "carol"])
            #expect(mine.status == 200)
            let tokenRun = try #require(mine.json?["runId"]?.stringValue)
            #expect(try await fx.store.loadRun(RunID(tokenRun), tenant: "acme")?.principal == "jwt:carol")
            #expect(try await fx.call(.POST, "/chat", key: token, json: ["question": "hi", "userId": "dave"]).status == 403)
        }
    }

    @Test func adminsListAndRevokeTheirTenantsKeysAndARevokedKeyIsRefusedAtOnce() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool()], model: TestAgents.model()) { fx in
            let admin = try await fx.key(role: .admin, principal: nil)
            let user = try await fx.key(principal: nil)
            let foreign = try await fx.key(tenant: "globex", role: .admin, principal: nil)
            let userID = String(user.split(separator: "_")[1])
            let foreignID = String(foreign.split(separator: "_")[1])

            // the user's key is verified and cached by this call
            #expect(try await fx.call(.GET, "/api/v1/runs", key: user).status == 200)
            #expect(try await fx.call(.GET, "/api/v1/keys", key: user).status == 403, "admins only")
            #expect(try await fx.call(.DELETE, "/api/v1/keys/\(userID)", key: user).status == 403, "admins only")

            let listed = try await fx.call(.GET, "/api/v1/keys", key: admin)
            #expect(listed.status == 200)
            let keys = try #require(listed.json?["keys"]?.arrayValue)
            #expect(Set(keys.compactMap { $0["id"]?.stringValue }) == Set([userID, String(admin.split(separator: "_")[1])]))
            #expect(keys.allSatisfy { $0["status"]?.stringValue == "active" })
            #expect(!listed.text.contains(String(user.split(separator: "_")[2])), "never the secret")
            #expect(!listed.text.contains("secret_hash"))

            #expect(try await fx.call(.DELETE, "/api/v1/keys/\(foreignID)", key: admin).status == 404, "another tenant's key")
            #expect(try await fx.call(.DELETE, "/api/v1/keys/nosuchkey", key: admin).status == 404)
            let revoked = try await fx.call(.DELETE, "/api/v1/keys/\(userID)", key: admin)
            #expect(revoked.status == 200)
            #expect(revoked.json?["status"]?.stringValue == "revoked")
            #expect(revoked.json?["revoked_at"]?.stringValue != nil)
            let refused = try await fx.call(.GET, "/api/v1/runs", key: user)
            #expect(refused.status == 401, "refused at once, though the key was cached")
            #expect(try await fx.call(.GET, "/api/v1/runs", key: foreign).status == 200, "other keys are untouched")
        }
    }

    @Test func expiredKeysAreRefusedAndListedAsExpired() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool()], model: TestAgents.model()) { fx in
            let issuer = APIKeyIssuer(store: fx.store)
            await #expect(throws: APIKeyError.expiryInThePast) {
                try await issuer.create(tenant: "acme", role: .user, expiresAt: Date().addingTimeInterval(-1))
            }
            let lasting = try await issuer.create(tenant: "acme", role: .user, expiresAt: Date().addingTimeInterval(3600))
            #expect(try await fx.call(.GET, "/api/v1/runs", key: lasting.key).status == 200)
            // a key whose expiry has passed (stored as it would be an hour later)
            var record = lasting.record
            record.id = "expiredkey1"
            record.expiresAt = Date().addingTimeInterval(-1)
            try await fx.store.createAPIKey(record)
            let secret = String(lasting.key.split(separator: "_")[2])
            let expired = try await fx.call(.GET, "/api/v1/runs", key: "avk_expiredkey1_\(secret)")
            #expect(expired.status == 401)
            #expect(expired.json?["error"]?["message"]?.stringValue?.contains("expired") == true)
            let admin = try await fx.key(role: .admin, principal: nil)
            let keys = try #require(try await fx.call(.GET, "/api/v1/keys", key: admin).json?["keys"]?.arrayValue)
            #expect(keys.first { $0["id"]?.stringValue == "expiredkey1" }?["status"]?.stringValue == "expired")
            #expect(keys.first { $0["id"]?.stringValue == lasting.record.id }?["expires_at"]?.stringValue != nil)
        }
    }
}

import AviaryCore
import AviaryHTTP
import AviaryStorage
import AviaryTestSupport
import CryptoExtras
import Foundation
import JWTKit
import NIOHTTP1
import Testing

/// Claims a test signs.
struct TestClaims: JWTPayload {
    var sub: SubjectClaim
    var exp: ExpirationClaim
    var iss: IssuerClaim?
    var aud: AudienceClaim?
    var tenant: String?
    var role: String?
    func verify(using algorithm: some JWTAlgorithm) async throws {}

    static func valid(sub: String = "carol", tenant: String? = "acme", role: String? = "developer", expiresIn: TimeInterval = 600,
                      iss: String? = "https://id.example.com", aud: String? = "aviary") -> TestClaims {
        TestClaims(sub: .init(value: sub), exp: .init(value: Date().addingTimeInterval(expiresIn)), iss: iss.map { .init(value: $0) },
                   aud: aud.map { .init(value: [$0]) }, tenant: tenant, role: role)
    }
}

@Suite struct AuthTests {
    @Test func missingBadAndRevokedKeysAre401() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], tools: [TestAgents.customerTool()], model: TestAgents.model()) { fx in
            let none = try await fx.call(.GET, "/api/v1/agents")
            #expect(none.status == 401)
            #expect(none.errorCode == "unauthorized")
            #expect(none.headers["WWW-Authenticate"].first == "Bearer")
            #expect(try await fx.call(.GET, "/api/v1/agents", key: "avk_nope_nope").status == 401)
            #expect(try await fx.call(.GET, "/api/v1/agents", headers: [("Authorization", "Basic abc")]).status == 401)
            let key = try await fx.key()
            let parts = key.split(separator: "_")
            #expect(try await fx.call(.GET, "/api/v1/agents", key: "avk_\(parts[1])_wrongsecret").status == 401, "right id, wrong secret")
            #expect(try await fx.call(.GET, "/api/v1/agents", headers: [("X-API-Key", key)]).status == 200, "X-API-Key works too")

            let revoked = try await fx.key(principal: "gone")
            let id = String(revoked.split(separator: "_")[1])
            #expect(try await fx.store.revokeAPIKey(id: id, tenant: "acme"))
            #expect(try await fx.call(.GET, "/api/v1/agents", key: revoked).status == 401)
            // public routes need nothing
            #expect(try await fx.call(.GET, "/health").status == 200)
            #expect(try await fx.call(.GET, "/openapi.json").status == 200)
        }
    }

    @Test func keysAreStoredHashedAndShownOnce() async throws {
        try await withTemporaryDirectory { dir in
            try await ServerFixture.with(agents: [TestAgents.support], model: TestAgents.model(), directory: dir) { fx in
                let issued = try await APIKeyIssuer(store: fx.store).create(tenant: "acme", principal: "ci", role: .service, name: "ci")
                let stored = try #require(try await fx.store.loadAPIKey(id: issued.record.id))
                let secret = String(issued.key.split(separator: "_", maxSplits: 2)[2])
                #expect(stored.secretHash.count == 64)
                #expect(!stored.secretHash.contains(secret))
                #expect(stored.secretHash != secret)
                let db = try Data(contentsOf: dir.appendingPathComponent("aviary.sqlite"))
                #expect(db.range(of: Data(secret.utf8)) == nil, "the secret never reaches the database file")
                #expect(try await APIKeyIssuer(store: fx.store).verify(issued.key)?.identity == Identity(tenant: "acme", principal: "key:ci", role: .service))
            }
        }
    }

    @Test func hs256TokensMapToTenantPrincipalAndRole() async throws {
        let signer = JWTKeyCollection()
        await signer.add(hmac: "top-secret-for-tests-0123456789abcdef", digestAlgorithm: .sha256)
        let wrongSigner = JWTKeyCollection()
        await wrongSigner.add(hmac: "another-secret-0123456789abcdefghijklmnop", digestAlgorithm: .sha256)
        try await ServerFixture.with(agents: [TestAgents.support, TestAgents.draft], tools: [TestAgents.customerTool()], model: TestAgents.model(),
                                     configure: { $0.jwt = JWTSettings(hs256Secret: "top-secret-for-tests-0123456789abcdef", issuer: "https://id.example.com", audience: "aviary") }) { fx in
            let good = try await signer.sign(TestClaims.valid())
            let agents = try await fx.call(.GET, "/api/v1/agents", key: good)
            #expect(agents.status == 200)
            #expect(agents.json?["agents"]?.arrayValue?.count == 2, "a developer sees drafts")
            let chat = try await fx.call(.POST, "/chat", key: good, json: ["question": "hi"])
            let run = try #require(chat.json?["runId"]?.stringValue)
            let record = try #require(try await fx.store.loadRun(RunID(run), tenant: "acme"))
            #expect(record.principal == "jwt:carol", "token subjects live in the jwt: namespace")

            let refused: [(String, String)] = [
                (try await signer.sign(TestClaims.valid(expiresIn: -60)), "expired"),
                (try await signer.sign(TestClaims.valid(iss: "https://evil.example.com")), "wrong issuer"),
                (try await signer.sign(TestClaims.valid(aud: "someone-else")), "wrong audience"),
                (try await signer.sign(TestClaims.valid(tenant: nil)), "no tenant"),
                (try await signer.sign(TestClaims.valid(role: "superuser")), "unknown role"),
                (try await wrongSigner.sign(TestClaims.valid()), "bad signature"),
                ("not.a.jwt", "garbage"),
            ]
            for (token, why) in refused {
                let r = try await fx.call(.GET, "/api/v1/agents", key: token)
                #expect(r.status == 401, "\(why)")
            }
        }
    }

    @Test func rs256TokensVerifyWithThePublicKey() async throws {
        let privateKey = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let signer = JWTKeyCollection()
        await signer.add(rsa: try Insecure.RSA.PrivateKey(backing: privateKey), digestAlgorithm: .sha256)
        let otherKey = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let otherSigner = JWTKeyCollection()
        await otherSigner.add(rsa: try Insecure.RSA.PrivateKey(backing: otherKey), digestAlgorithm: .sha256)
        let pem = privateKey.publicKey.pemRepresentation
        try await ServerFixture.with(agents: [TestAgents.support, TestAgents.draft], tools: [TestAgents.customerTool()], model: TestAgents.model(),
                                     configure: { $0.jwt = JWTSettings(rs256PublicKeyPEM: pem, allowsAnyAudience: true) }) { fx in
            let token = try await signer.sign(TestClaims.valid(role: nil, iss: nil, aud: nil))
            let agents = try await fx.call(.GET, "/api/v1/agents", key: token)
            #expect(agents.status == 200)
            #expect(agents.json?["agents"]?.arrayValue?.count == 1, "default role user sees no drafts")
            #expect(try await fx.call(.GET, "/api/v1/agents", key: try await otherSigner.sign(TestClaims.valid())).status == 401)
            // an HS256 token cannot pass as RS256 (algorithm confusion)
            let hs = JWTKeyCollection()
            await hs.add(hmac: HMACKey(from: pem), digestAlgorithm: .sha256)
            #expect(try await fx.call(.GET, "/api/v1/agents", key: try await hs.sign(TestClaims.valid())).status == 401)
        }
    }
}

@Suite struct JWTSettingsTests {
    @Test func aShortHS256SecretIsAConfigurationError() async throws {
        await #expect(throws: APIError.self) { _ = try await JWTVerifier(settings: JWTSettings(hs256Secret: "short", audience: "aviary")) }
        await #expect(throws: APIError.self) {
            _ = try await JWTVerifier(settings: JWTSettings(rs256PublicKeyPEM: "-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----", audience: "aviary"))
        }
    }

    /// Without an audience any token the issuer signed for another service would pass: the server
    /// refuses to start unless the opt-out is explicit.
    @Test func anAudienceIsRequiredUnlessExplicitlyWaived() async throws {
        let secret = "top-secret-for-tests-0123456789abcdef"
        let missing = await #expect(throws: APIError.self) { _ = try await JWTVerifier(settings: JWTSettings(hs256Secret: secret)) }
        #expect(missing?.message.contains("server.jwt.audience is required") == true)
        _ = try await JWTVerifier(settings: JWTSettings(hs256Secret: secret, audience: "aviary"))
        _ = try await JWTVerifier(settings: JWTSettings(hs256Secret: secret, allowsAnyAudience: true))
    }

    /// A refused token's error names neither the configured issuer nor the audience.
    @Test func refusalsDoNotRevealTheConfiguredIssuerOrAudience() async throws {
        let secret = "top-secret-for-tests-0123456789abcdef"
        let verifier = try await JWTVerifier(settings: JWTSettings(hs256Secret: secret, issuer: "https://id.internal.example", audience: "aviary-prod"))
        let signer = JWTKeyCollection()
        await signer.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        for claims in [TestClaims.valid(iss: "https://attacker.example"), TestClaims.valid(iss: "https://id.internal.example", aud: "other")] {
            let refusal = await #expect(throws: APIError.self) { _ = try await verifier.verify(try await signer.sign(claims)) }
            #expect(refusal?.message.contains("id.internal.example") == false)
            #expect(refusal?.message.contains("aviary-prod") == false)
        }
    }
}

import AviaryCore
import AviaryHTTP
import AviaryStorage
import AviaryTesting
import HTTPTypes
import NIOHTTP1
import Synchronization
import Testing

/// Failed authentications are limited per client address, and unknown keys are remembered briefly.
@Suite struct AuthFailureLimitTests {
    @Test func anAddressWithTooManyFailuresIsRefusedBeforeAnyKeyLookup() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], model: TestAgents.model(), configure: {
            $0.authFailures.maxFailures = 3
            $0.authFailures.window = .seconds(600)
        }) { fx in
            let valid = try await fx.key()
            #expect(try await fx.call(.GET, "/api/v1/runs", key: valid).status == 200)
            for i in 0..<3 {
                let guess = try await fx.call(.GET, "/api/v1/runs", key: "avk_guess\(i)_secret")
                #expect(guess.status == 401)
            }
            let blocked = try await fx.call(.GET, "/api/v1/runs", key: "avk_guess9_secret")
            #expect(blocked.status == 429)
            #expect(blocked.errorCode == "auth_rate_limited")
            #expect(blocked.headers["Retry-After"].first.flatMap(Int.init).map { $0 >= 1 } == true)
            // Refused before the lookup: even a valid key from this address waits out the window.
            #expect(try await fx.call(.GET, "/api/v1/runs", key: valid).status == 429)
            // Public routes stay reachable.
            #expect(try await fx.call(.GET, "/health").status == 200)
        }
    }

    @Test func unknownKeysAreAnsweredFromTheNegativeCache() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], model: TestAgents.model()) { fx in
            let counting = CountingKeyStore(base: fx.store)
            let authenticator = Authenticator(keys: APIKeyIssuer(store: counting), jwt: nil, unknownKeyTTL: .seconds(600))
            var headers = HTTPFields()
            headers[.authorization] = "Bearer avk_ghost_secret"
            for _ in 0..<5 {
                await #expect(throws: APIError.self) { _ = try await authenticator.authenticate(headers) }
            }
            #expect(counting.loads == 1, "one store lookup for five attempts with the same unknown key")
            let real = try await fx.key()
            headers[.authorization] = "Bearer \(real)"
            #expect(try await authenticator.authenticate(headers).identity.principal == "key:alice")
        }
    }
}

/// An API key store that counts lookups.
final class CountingKeyStore: APIKeyStore {
    let base: any APIKeyStore
    private let count = Mutex(0)

    init(base: any APIKeyStore) { self.base = base }

    var loads: Int { count.withLock { $0 } }

    func createAPIKey(_ key: APIKeyRecord) async throws { try await base.createAPIKey(key) }
    func loadAPIKey(id: String) async throws -> APIKeyRecord? {
        count.withLock { $0 += 1 }
        return try await base.loadAPIKey(id: id)
    }
    func listAPIKeys(tenant: String) async throws -> [APIKeyRecord] { try await base.listAPIKeys(tenant: tenant) }
    func revokeAPIKey(id: String, tenant: String) async throws -> Bool { try await base.revokeAPIKey(id: id, tenant: tenant) }
    func sharedKeyPrincipals() async throws -> [SharedKeyPrincipal] { try await base.sharedKeyPrincipals() }
}

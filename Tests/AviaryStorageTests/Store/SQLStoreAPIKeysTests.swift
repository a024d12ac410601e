import AviaryCore
import AviaryStorage
import Testing

@Suite("SQLStore API keys")
struct SQLStoreAPIKeysTests {
    @Test(arguments: Backend.all)
    func createsLoadsListsAndRevokesKeys(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let old = Fixtures.apiKey(principal: "ci", role: .service, at: 1)
            let new = Fixtures.apiKey(principal: "alice", role: .admin, at: 2)
            let foreign = Fixtures.apiKey(tenant: "globex", at: 3)
            for key in [old, new, foreign] { try await store.createAPIKey(key) }

            // Authentication finds a key by id before it knows the tenant.
            #expect(try await store.loadAPIKey(id: foreign.id) == foreign)
            #expect(try await store.loadAPIKey(id: "key_missing") == nil)
            #expect(try await store.listAPIKeys(tenant: "acme") == [new, old])
            #expect(try await store.listAPIKeys(tenant: "nobody").isEmpty)

            #expect(try await store.revokeAPIKey(id: old.id, tenant: "acme"))
            let revoked = try #require(try await store.loadAPIKey(id: old.id))
            let revokedAt = try #require(revoked.revokedAt)
            #expect(revoked.identity == Identity(tenant: "acme", principal: "ci", role: .service))
            // Revoking again keeps the first revocation time.
            #expect(try await store.revokeAPIKey(id: old.id, tenant: "acme"))
            #expect(try await store.loadAPIKey(id: old.id)?.revokedAt == revokedAt)
            #expect(try await store.loadAPIKey(id: new.id)?.revokedAt == nil)

            #expect(try await store.revokeAPIKey(id: "key_missing", tenant: "acme") == false)
            #expect(try await store.revokeAPIKey(id: foreign.id, tenant: "acme") == false)
            #expect(try await store.loadAPIKey(id: foreign.id)?.revokedAt == nil)
        }
    }

    @Test(arguments: Backend.all)
    func rejectsADuplicateKeyID(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let key = Fixtures.apiKey()
            try await store.createAPIKey(key)
            await #expect(throws: (any Error).self) { try await store.createAPIKey(Fixtures.apiKey(tenant: "globex").with(id: key.id)) }
            #expect(try await store.loadAPIKey(id: key.id) == key)
        }
    }
}

extension APIKeyRecord {
    func with(id: String) -> APIKeyRecord {
        var copy = self
        copy.id = id
        return copy
    }
}

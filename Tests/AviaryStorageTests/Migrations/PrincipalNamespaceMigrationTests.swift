import AviaryCore
import AviaryStorage
import Foundation
import SQLKit
import Testing

/// Migration 0008 moves owners into the `key:` and `jwt:` namespaces so that every existing key
/// keeps exactly what it owned, token subjects keep theirs, and the command line's `local` stays.
@Suite("Principal namespace migration")
struct PrincipalNamespaceMigrationTests {
    static let before = Array(AviaryMigrations.all.prefix { $0.name != "0008_principal_namespaces_key_expiry" })

    @Test(arguments: Backend.all)
    func existingKeysKeepWhatTheyOwnAndTokensKeepTheirs(_ backend: Backend) async throws {
        try await TestDatabase.with(backend) { database in
            try await database.openUnmigrated { store in
                #expect(AviaryMigrations.all[Self.before.count].name == "0008_principal_namespaces_key_expiry")
                _ = try await Migrator(database: store.database, migrations: Self.before).migrate()
                let db = store.database
                // two default `user` keys of acme shared `key-user`; `ci` is a named key; globex has its own `key-user`
                for (id, tenant, principal) in [("k1", "acme", "key-user"), ("k2", "acme", "key-user"), ("k3", "acme", "ci"),
                                                ("k4", "globex", "key-user")] {
                    try await db.raw("""
                        INSERT INTO api_keys (id, tenant_id, principal, role, secret_hash, name, created_at, revoked_at)
                        VALUES (\(bind: id), \(bind: tenant), \(bind: principal), 'user', 'h', '', 0, NULL)
                        """).run()
                }
                // owners: keys' principals, a token subject (carol), a token subject that is a key principal in
                // another tenant only (ci in globex), and the command line
                for (id, tenant, principal) in [("r1", "acme", "key-user"), ("r2", "acme", "ci"), ("r3", "acme", "carol"),
                                                ("r4", "globex", "ci"), ("r5", "acme", "local"), ("r6", "globex", "key-user")] {
                    try await db.raw("""
                        INSERT INTO runs (id, tenant_id, principal, agent, input, status, created_at, updated_at)
                        VALUES (\(bind: id), \(bind: tenant), \(bind: principal), 'a', '{}', 'completed', 0, 0)
                        """).run()
                    try await db.raw("""
                        INSERT INTO sessions (id, tenant_id, user_id, principal, created_at, updated_at)
                        VALUES (\(bind: "s" + id), \(bind: tenant), 'u', \(bind: principal), 0, 0)
                        """).run()
                }
                _ = try await Migrator(database: db).migrate()

                let expected = ["r1": "key:key-user", "r2": "key:ci", "r3": "jwt:carol", "r4": "jwt:ci", "r5": "local", "r6": "key:key-user"]
                for (id, owner) in expected {
                    let run = try await db.raw("SELECT principal FROM runs WHERE id = \(bind: id)").first()
                    #expect(try run?.decode(column: "principal", as: String.self) == owner, "run \(id)")
                    let session = try await db.raw("SELECT principal FROM sessions WHERE id = \(bind: "s" + id)").first()
                    #expect(try session?.decode(column: "principal", as: String.self) == owner, "session s\(id)")
                }
                let keys = try await store.listAPIKeys(tenant: "acme")
                #expect(Dictionary(uniqueKeysWithValues: keys.map { ($0.id, $0.principal) }) == ["k1": "key:key-user", "k2": "key:key-user", "k3": "key:ci"])
                #expect(keys.allSatisfy { $0.expiresAt == nil })
                // the two keys that shared an owner still do, and the store reports it
                #expect(try await store.sharedKeyPrincipals() == [SharedKeyPrincipal(tenant: "acme", principal: "key:key-user", keys: 2)])
                #expect(try await store.revokeAPIKey(id: "k2", tenant: "acme"))
                #expect(try await store.sharedKeyPrincipals().isEmpty, "a revoked key shares nothing")
            }
        }
    }
}

import AviaryCore
import AviaryHTTP
import AviaryStorage
import Foundation

/// A newly created API key: the secret (shown once) and what it acts as.
public struct IssuedKey: Sendable {
    /// The key itself (`avk_<id>_<secret>`); only its hash is stored.
    public let key: String
    /// The key's id (the part of the key that is not secret).
    public let id: String
    /// The tenant, principal and role the key acts as.
    public let tenant: String, principal: String, role: String
    /// When the key stops working; `nil`: never.
    public let expiresAt: Date?
}

extension AviaryApplication {
    /// Creates an API key (`aviary keys create`). `role` must name a ``Role``. Without a
    /// `principal` the key owns its runs and sessions alone (`key:<id>`); keys created with the
    /// same `principal` share them. `expiresIn` (`90d`, `12h`, `30m`, `45s`) sets an expiry.
    public static func createAPIKey(_ configuration: AviaryConfiguration, tenant: String, principal: String?, role: String,
                                    name: String, expiresIn: String? = nil) async throws -> IssuedKey {
        guard let role = Role(rawValue: role) else {
            throw ConfigurationError("--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let expiresAt = try expiresIn.map { Date().addingTimeInterval(try AgeOption.seconds($0, option: "--expires-in")) }
        let issued = try await AviaryDatabase.withDatabase(configuration.storage) { database in
            try await APIKeyIssuer(store: database.store).create(tenant: tenant, principal: principal, role: role, name: name,
                                                                 expiresAt: expiresAt)
        }
        return IssuedKey(key: issued.key, id: issued.record.id, tenant: issued.record.tenant, principal: issued.record.principal,
                         role: issued.record.role.rawValue, expiresAt: issued.record.expiresAt)
    }

    /// A tenant's keys, newest first (`aviary keys list`): one line each, or JSON Lines with the
    /// fields of `GET /api/v1/keys`.
    public static func listAPIKeys(_ configuration: AviaryConfiguration, tenant: String, json: Bool) async throws -> [String] {
        let keys = try await AviaryDatabase.withDatabase(configuration.storage) { try await $0.store.listAPIKeys(tenant: tenant) }
        let now = Date()
        if json { return keys.map { $0.wire(at: now).jsonString } }
        if keys.isEmpty { return ["no keys in tenant '\(tenant)'"] }
        return keys.map { key in
            let expiry = key.expiresAt.map { " expires \($0.formatted(APIKeyRecord.timeFormat))" } ?? ""
            return "\(key.id)  \(key.status(at: now))  \(key.role.rawValue)  \(key.principal)  \(key.name.isEmpty ? "-" : key.name)\(expiry)"
        }
    }

    /// Revokes a key of a tenant (`aviary keys revoke`); a running server refuses it within the
    /// 10 seconds it caches a verified key (`DELETE /api/v1/keys/{id}` ends it at once).
    public static func revokeAPIKey(_ configuration: AviaryConfiguration, tenant: String, id: String) async throws {
        let revoked = try await AviaryDatabase.withDatabase(configuration.storage) { try await $0.store.revokeAPIKey(id: id, tenant: tenant) }
        guard revoked else { throw ConfigurationError("no key '\(id)' in tenant '\(tenant)' (see `aviary keys list --tenant \(tenant)`)") }
    }
}

extension APIKeyRecord {
    /// Times as the HTTP API writes them.
    static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// `active`, `revoked` or `expired`.
    func status(at now: Date) -> String { revokedAt != nil ? "revoked" : isActive(at: now) ? "active" : "expired" }

    /// The fields of `GET /api/v1/keys`.
    func wire(at now: Date) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(id), "name": .string(name), "principal": .string(principal), "role": .string(role.rawValue),
            "status": .string(status(at: now)), "created_at": .string(createdAt.formatted(APIKeyRecord.timeFormat)),
        ]
        if let expiresAt { object["expires_at"] = .string(expiresAt.formatted(APIKeyRecord.timeFormat)) }
        if let revokedAt { object["revoked_at"] = .string(revokedAt.formatted(APIKeyRecord.timeFormat)) }
        return .object(object)
    }
}

import AviaryCore
import Crypto
import Foundation

/// Creates and checks API keys of the form `avk_<id>_<secret>`: the id finds the stored row, the
/// secret (160 random bits) is stored only as its SHA-256 and compared in constant time.
public struct APIKeyIssuer: Sendable {
    private let store: any APIKeyStore

    /// Creates an issuer over a key store.
    public init(store: any APIKeyStore) { self.store = store }

    /// A newly created key: the plaintext (shown once) and what was stored.
    public struct Issued: Sendable {
        /// The full key to hand to the caller. Not stored anywhere.
        public let key: String
        /// The stored record (hash only).
        public let record: APIKeyRecord
    }

    /// Creates and stores a key of a tenant. Without a `principal` the key owns what it creates
    /// alone (`key:<id>`); keys given the same principal (`key:<principal>`) share their runs and
    /// sessions. An `expiresAt` in the past is refused.
    public func create(tenant: String, principal: String? = nil, role: Role, name: String = "",
                       expiresAt: Date? = nil) async throws -> Issued {
        if let expiresAt, expiresAt <= Date() { throw APIKeyError.expiryInThePast }
        let id = RandomID.make(length: 12)
        let secret = RandomID.make(length: 32)
        let record = APIKeyRecord(id: id, tenant: tenant, principal: APIKeyRecord.principal(named: principal, id: id), role: role,
                                  secretHash: Self.hash(secret), name: name, expiresAt: expiresAt)
        try await store.createAPIKey(record)
        return Issued(key: "avk_\(id)_\(secret)", record: record)
    }

    /// The identity of a presented key, or `nil` when it is malformed, unknown, revoked, expired or wrong.
    public func verify(_ presented: String) async throws -> APIKeyRecord? {
        guard let (id, secret) = Self.split(presented), let record = try await store.loadAPIKey(id: id),
              record.isActive() else { return nil }
        return Self.constantTimeEquals(Self.hash(secret), record.secretHash) ? record : nil
    }

    /// The public id of a well-formed key (`avk_<id>_<secret>`), without checking it.
    static func id(of key: String) -> String? { split(key)?.id }

    /// Splits `avk_<id>_<secret>`.
    static func split(_ key: String) -> (id: String, secret: String)? {
        guard key.hasPrefix("avk_") else { return nil }
        let rest = key.dropFirst(4)
        guard let sep = rest.firstIndex(of: "_") else { return nil }
        let id = String(rest[..<sep]), secret = String(rest[rest.index(after: sep)...])
        guard !id.isEmpty, !secret.isEmpty, id.count <= 64, secret.count <= 128 else { return nil }
        return (id, secret)
    }

    /// Lowercase hex SHA-256.
    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}

import Foundation

extension PostgresStorage {
    /// Where the PostgreSQL database is and how many connections to keep to it.
    public struct Configuration: Sendable, Hashable {
        /// `postgres://user:password@host:5432/database` (or `postgresql://`). TLS follows
        /// `?sslmode=`: `disable`, `prefer` (the default) or `require`.
        public var url: String
        /// The schema holding Aviary's tables, created when missing; connections use it as their
        /// `search_path`. Default `nil`: the role's `search_path` (usually `public`).
        public var schema: String?
        /// Pooled connections per event loop (one loop per core). Default 4.
        public var maxConnectionsPerEventLoop: Int

        /// Creates a configuration.
        public init(url: String, schema: String? = nil, maxConnectionsPerEventLoop: Int = 4) {
            self.url = url
            self.schema = schema
            self.maxConnectionsPerEventLoop = maxConnectionsPerEventLoop
        }

        /// The URL with its password replaced by `***`, for messages and logs.
        public var redactedURL: String { Self.redact(url) }

        /// `url` with the password of its user part replaced by `***`.
        static func redact(_ url: String) -> String {
            guard let scheme = url.range(of: "://") else { return url }
            let rest = url[scheme.upperBound...]
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
            guard let at = rest[..<authorityEnd].lastIndex(of: "@"),
                  let colon = rest[..<at].firstIndex(of: ":") else { return url }
            return String(url[..<rest.index(after: colon)]) + "***" + String(url[at...])
        }
    }
}

import Foundation

extension PostgresStorage {
    /// Where the PostgreSQL database is and how many connections to keep to it.
    public struct Configuration: Sendable, Hashable {
        /// `postgres://user:password@host:5432/database` (or `postgresql://`). TLS follows
        /// `?sslmode=`: `disable`, `prefer` or `require` (certificate and host name verified).
        /// Without one, connections to a host other than the loopback (`localhost`, `127.x.x.x`,
        /// `::1`) require TLS, and loopback ones use it when the server offers it (`prefer`).
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

        /// The URL connections use: ``url`` with `sslmode=require` added when it names no TLS mode
        /// and its host is not the loopback.
        public var connectionURL: String { Self.requiringTLSOffLoopback(url) }

        /// `url` with `sslmode=require` added when it sets none of `sslmode`, `tlsmode`, `ssl`,
        /// `tls` and its host is not the loopback; Unix-socket URLs are left alone.
        static func requiringTLSOffLoopback(_ url: String) -> String {
            guard var components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
                  scheme == "postgres" || scheme == "postgresql" || scheme == "postgres+tcp" else { return url }
            let modes: Set<String> = ["sslmode", "tlsmode", "ssl", "tls"]
            if components.queryItems?.contains(where: { modes.contains($0.name.lowercased()) }) == true { return url }
            let host = (components.host ?? "").lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            if host.isEmpty || host == "localhost" || host == "::1" || host.hasPrefix("127.") { return url }
            components.queryItems = (components.queryItems ?? []) + [URLQueryItem(name: "sslmode", value: "require")]
            return components.string ?? url
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

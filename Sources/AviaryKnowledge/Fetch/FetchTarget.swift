import Foundation

/// A URL the fetcher may request, read strictly and rebuilt in one canonical spelling, so that
/// the host it vets is the host the HTTP client connects to: http or https only, no user info, a
/// host that is an IP address (in any spelling, see ``IPAddress/init(_:)``; rebuilt as the
/// canonical address) or an ASCII host name (lowercase, percent-decoded, without trailing dot).
public struct FetchTarget: Sendable, Hashable, CustomStringConvertible {
    /// A URL's host.
    public enum Host: Sendable, Hashable, CustomStringConvertible {
        /// An IP literal.
        case address(IPAddress)
        /// A host name to resolve.
        case name(String)

        public var description: String {
            switch self {
            case .address(let address): return address.urlHost
            case .name(let name): return name
            }
        }
    }

    /// `http` or `https`.
    public let scheme: String
    /// The host.
    public let host: Host
    /// The port the URL names, if any.
    public let port: Int?
    /// The path and query, percent-encoded as given (`/docs/a?lang=en`); `/` at least. The
    /// fragment is dropped: it never reaches the server.
    public let pathAndQuery: String

    /// Reads `url` (resolved against its base, if relative).
    /// - Throws: ``FetchError``: `unsupported_scheme` (not http or https), `invalid_url` (no
    ///   host, a malformed host or port, user info).
    public init(_ url: URL) throws(FetchError) {
        guard let parts = URLComponents(url: url.absoluteURL, resolvingAgainstBaseURL: true), let scheme = parts.scheme?.lowercased() else {
            throw FetchError(.invalidURL, "'\(url.absoluteString)' is not an absolute URL")
        }
        guard scheme == "http" || scheme == "https" else {
            throw FetchError(.unsupportedScheme, "\(scheme): URLs are not fetched; only http and https are (\(url.absoluteString))")
        }
        guard let encodedHost = parts.percentEncodedHost, !encodedHost.isEmpty else {
            throw FetchError(.invalidURL, "\(url.absoluteString) has no host")
        }
        guard parts.user == nil, parts.password == nil else {
            throw FetchError(.invalidURL, "URLs with user info (user@host) are not fetched: \(Self.withoutUserInfo(url))")
        }
        if encodedHost.hasPrefix("[") {
            guard encodedHost.hasSuffix("]"), let v6 = IPAddress.parseV6(encodedHost.dropFirst().dropLast()) else {
                throw FetchError(.invalidURL, "\(encodedHost) is not an IPv6 address (zone identifiers are not accepted)")
            }
            host = .address(.v6(v6))
        } else {
            guard let decoded = url.absoluteURL.host, let name = Self.hostName(decoded) else {
                throw FetchError(.invalidURL, "'\(encodedHost)' is not a host name (ASCII letters, digits, '-', '_' and '.'; use the xn-- form of an international name)")
            }
            switch IPAddress.parseV4(Substring(name)) {
            case .address(let v4): host = .address(.v4(v4))
            case .invalid: throw FetchError(.invalidURL, "'\(encodedHost)' is not a valid IPv4 address")
            case .notNumeric: host = .name(name)
            }
        }
        if let port = parts.port, !(1...65_535).contains(port) {
            throw FetchError(.invalidURL, "port \(port) of \(url.absoluteString) is not 1 to 65535")
        }
        self.scheme = scheme
        self.port = parts.port
        let path = parts.percentEncodedPath
        pathAndQuery = (path.isEmpty ? "/" : path) + (parts.percentEncodedQuery.map { "?" + $0 } ?? "")
    }

    /// The port connected to: the URL's, else 80 or 443.
    public var effectivePort: Int { port ?? (scheme == "https" ? 443 : 80) }

    /// `host[:port]`, as the URL names them.
    public var authority: String { "\(host)" + (port.map { ":\($0)" } ?? "") }

    /// `scheme://host[:port]`: what robots.txt rules and caches apply to.
    public var origin: String { "\(scheme)://\(authority)" }

    /// The path without the query (`/docs/a`).
    public var path: String { String(pathAndQuery.prefix { $0 != "?" }) }

    /// The canonical URL.
    public var url: URL {
        guard let url = URL(string: description) else { preconditionFailure("canonical URL does not parse: \(description)") }
        return url
    }

    /// The canonical URL's text.
    public var description: String { origin + pathAndQuery }

    /// The same origin's `/robots.txt`.
    var robotsTarget: FetchTarget {
        FetchTarget(scheme: scheme, host: host, port: port, pathAndQuery: "/robots.txt")
    }

    private init(scheme: String, host: Host, port: Int?, pathAndQuery: String) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.pathAndQuery = pathAndQuery
    }

    /// A host name as the fetcher compares and requests it: lowercase, one trailing dot removed,
    /// only ASCII letters, digits, `-`, `_` and `.` in labels of 1 to 63 characters, at most 253
    /// in all; `nil` otherwise.
    static func hostName(_ text: String) -> String? {
        var name = text.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        guard !name.isEmpty, name.utf8.count <= 253,
              name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }),
              name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ (1...63).contains($0.count) }) else { return nil }
        return name
    }

    /// The URL as an error may show it: without user info.
    private static func withoutUserInfo(_ url: URL) -> String {
        guard var parts = URLComponents(url: url.absoluteURL, resolvingAgainstBaseURL: true) else { return "(URL)" }
        parts.user = nil
        parts.password = nil
        return parts.string ?? "(URL)"
    }
}

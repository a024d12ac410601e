import Foundation

/// The operator's exceptions to the fetcher's address rules (`knowledge.fetch.allow`): hosts and
/// networks that may be fetched although they are internal.
///
/// - `docs.internal`: that host name, whatever it resolves to;
/// - `*.corp.example`: any subdomain of `corp.example` (not `corp.example` itself);
/// - `10.1.2.3`, `[fd00::5]`, `10.0.0.0/8`, `fd00::/8`: those addresses, however a URL spells them
///   and whichever host name resolves to them.
///
/// A cloud metadata address is opened only by an entry naming it alone (`169.254.169.254` or a
/// `/32`), never by a wider network. Ports are not part of an entry.
public struct FetchAllowlist: Sendable, Hashable {
    /// One exception.
    public enum Entry: Sendable, Hashable, CustomStringConvertible {
        /// Exactly this host name (lowercase, no trailing dot).
        case host(String)
        /// Any host name ending in `.` + this suffix.
        case subdomains(of: String)
        /// Any address in this network.
        case network(IPNetwork)

        public var description: String {
            switch self {
            case .host(let name): return name
            case .subdomains(let suffix): return "*." + suffix
            case .network(let network): return network.isSingleAddress ? network.address.description : network.description
            }
        }
    }

    /// The exceptions, in the order given.
    public let entries: [Entry]

    /// No exceptions: only public addresses are fetched.
    public init() { entries = [] }

    /// Reads entries: host names, `*.suffix` patterns, addresses and CIDR networks.
    /// - Throws: ``FetchError`` (`invalid_url`) naming an entry that is none of these.
    public init(_ texts: [String]) throws(FetchError) {
        var entries: [Entry] = []
        for raw in texts {
            let text = raw.trimmingCharacters(in: .whitespaces).lowercased()
            if let network = IPNetwork(text) {
                entries.append(.network(network))
            } else if text.hasPrefix("*."), let suffix = FetchTarget.hostName(String(text.dropFirst(2))) {
                entries.append(.subdomains(of: suffix))
            } else if !text.contains("/"), let name = FetchTarget.hostName(text), IPAddress.parseV4(Substring(name)) == .notNumeric {
                entries.append(.host(name))
            } else {
                throw FetchError(.invalidURL, "allow entry '\(raw)' is not a host name, *.domain, IP address or CIDR network (like 10.0.0.0/8)")
            }
        }
        self.entries = entries
    }

    /// True when an entry names `host` (a lowercase name without trailing dot).
    public func permits(hostName host: String) -> Bool {
        entries.contains { entry in
            switch entry {
            case .host(let name): return name == host
            case .subdomains(let suffix): return host.hasSuffix("." + suffix)
            case .network: return false
            }
        }
    }

    /// True when a network entry holds `address` (for a cloud metadata address, an entry of that
    /// address alone).
    public func permits(_ address: IPAddress) -> Bool {
        let metadata = AddressClass.of(address) == .cloudMetadata
        return entries.contains { entry in
            guard case .network(let network) = entry else { return false }
            return network.contains(address) && (!metadata || network.isSingleAddress)
        }
    }

    /// Why `address`, reached through `host`, may not be fetched; `nil` when it may: a public
    /// address, an allowed host name, or an allowed address.
    public func refusal(of address: IPAddress, host: FetchTarget.Host) -> FetchError? {
        if case .name(let name) = host, permits(hostName: name) { return nil }
        guard let kind = AddressClass.of(address), !permits(address) else { return nil }
        switch host {
        case .address:
            return FetchError(.refused, "\(address) is \(kind.phrase); add it to knowledge.fetch.allow to allow it")
        case .name(let name):
            return FetchError(.refused, "\(name) resolves to \(address), \(kind.phrase); add \(name) or \(address) to knowledge.fetch.allow to allow it")
        }
    }

    /// Why the host name itself may not be fetched (`localhost`, a metadata service's name);
    /// `nil` when it may be resolved and its addresses vetted.
    public func refusal(ofHostName name: String) -> FetchError? {
        guard let kind = AddressClass.of(hostName: name), !permits(hostName: name) else { return nil }
        return FetchError(.refused, "\(name) is \(kind.phrase); add it to knowledge.fetch.allow to allow it")
    }
}

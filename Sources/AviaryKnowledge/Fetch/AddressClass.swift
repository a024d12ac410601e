/// Why the fetcher refuses an address by default: every class of address that reaches the
/// machine itself, its networks or its cloud's control plane rather than the public internet.
/// ``of(_:)`` classifies an address; `nil` means a public address.
public enum AddressClass: String, Sendable, Hashable, CaseIterable {
    /// 127.0.0.0/8, ::1.
    case loopback
    /// 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, and IPv6 site-local fec0::/10.
    case privateNetwork = "private"
    /// 100.64.0.0/10, carrier-grade NAT (RFC 6598).
    case sharedAddressSpace = "shared"
    /// 169.254.0.0/16, fe80::/10.
    case linkLocal = "link-local"
    /// 224.0.0.0/4, ff00::/8.
    case multicast
    /// 0.0.0.0, ::.
    case unspecified
    /// 255.255.255.255.
    case broadcast
    /// fc00::/7 (RFC 4193).
    case uniqueLocal = "unique-local"
    /// 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32, 3fff::/20.
    case documentation
    /// Everything else that is not public unicast: 0.0.0.0/8, 192.0.0.0/24, 198.18.0.0/15,
    /// 240.0.0.0/4, IPv6 outside 2000::/3, 2001::/23 (Teredo, benchmarking, ORCHID), local NAT64.
    case reserved
    /// Instance metadata services: 169.254.169.254, 169.254.170.2, 100.100.100.200,
    /// 192.0.0.192, fd00:ec2::254 (and the names `metadata.google.internal`, `metadata`).
    case cloudMetadata = "cloud-metadata"

    /// How a refusal names the class: "a loopback address".
    public var phrase: String {
        switch self {
        case .loopback: return "a loopback address"
        case .privateNetwork: return "a private address"
        case .sharedAddressSpace: return "a carrier-grade NAT (shared) address"
        case .linkLocal: return "a link-local address"
        case .multicast: return "a multicast address"
        case .unspecified: return "the unspecified address"
        case .broadcast: return "the broadcast address"
        case .uniqueLocal: return "a unique local address"
        case .documentation: return "a documentation address"
        case .reserved: return "a reserved address"
        case .cloudMetadata: return "a cloud metadata address"
        }
    }

    /// The class of `address`, `nil` for a public one. IPv6 forms that carry an IPv4 address
    /// (IPv4-mapped `::ffff:0:0/96`, IPv4-compatible `::/96`, NAT64 `64:ff9b::/96`, 6to4
    /// `2002::/16`) take the class of the address they carry.
    public static func of(_ address: IPAddress) -> AddressClass? {
        switch address {
        case .v4:
            return v4Table.first { $0.0.contains(address) }?.1
        case .v6(let bits):
            if let found = v6Table.first(where: { $0.0.contains(address) })?.1 { return found }
            if embedsV4.contains(where: { $0.contains(address) }) { return of(address.embeddedV4) }
            if sixToFour.contains(address) { return of(.v4(UInt32(truncatingIfNeeded: bits >> 80))) }
            if let found = v6Reserved.first(where: { $0.0.contains(address) })?.1 { return found }
            return globalUnicast.contains(address) ? nil : .reserved
        }
    }

    /// Host names that are never public: `localhost` and its subdomains (RFC 6761), and the
    /// names clouds give their metadata service.
    public static func of(hostName name: String) -> AddressClass? {
        if name == "localhost" || name.hasSuffix(".localhost") { return .loopback }
        if metadataNames.contains(name) { return .cloudMetadata }
        return nil
    }

    /// Names of instance metadata services.
    static let metadataNames: Set<String> = ["metadata.google.internal", "metadata", "metadata.goog", "instance-data",
                                             "instance-data.ec2.internal"]

    /// IPv4 blocks, most specific first.
    private static let v4Table: [(IPNetwork, AddressClass)] = [
        (IPNetwork(cidr: "169.254.169.254/32"), .cloudMetadata), (IPNetwork(cidr: "169.254.170.2/32"), .cloudMetadata),
        (IPNetwork(cidr: "100.100.100.200/32"), .cloudMetadata), (IPNetwork(cidr: "192.0.0.192/32"), .cloudMetadata),
        (IPNetwork(cidr: "0.0.0.0/32"), .unspecified), (IPNetwork(cidr: "255.255.255.255/32"), .broadcast),
        (IPNetwork(cidr: "0.0.0.0/8"), .reserved), (IPNetwork(cidr: "10.0.0.0/8"), .privateNetwork),
        (IPNetwork(cidr: "100.64.0.0/10"), .sharedAddressSpace), (IPNetwork(cidr: "127.0.0.0/8"), .loopback),
        (IPNetwork(cidr: "169.254.0.0/16"), .linkLocal), (IPNetwork(cidr: "172.16.0.0/12"), .privateNetwork),
        (IPNetwork(cidr: "192.0.0.0/24"), .reserved), (IPNetwork(cidr: "192.0.2.0/24"), .documentation),
        (IPNetwork(cidr: "192.88.99.0/24"), .reserved), (IPNetwork(cidr: "192.168.0.0/16"), .privateNetwork),
        (IPNetwork(cidr: "198.18.0.0/15"), .reserved), (IPNetwork(cidr: "198.51.100.0/24"), .documentation),
        (IPNetwork(cidr: "203.0.113.0/24"), .documentation), (IPNetwork(cidr: "224.0.0.0/4"), .multicast),
        (IPNetwork(cidr: "240.0.0.0/4"), .reserved),
    ]

    /// IPv6 blocks checked before the IPv4-carrying forms.
    private static let v6Table: [(IPNetwork, AddressClass)] = [
        (IPNetwork(cidr: "fd00:ec2::254/128"), .cloudMetadata), (IPNetwork(cidr: "::/128"), .unspecified), (IPNetwork(cidr: "::1/128"), .loopback),
    ]

    /// IPv6 forms whose low 32 bits are an IPv4 address: mapped, compatible, NAT64.
    private static let embedsV4 = [IPNetwork(cidr: "::ffff:0:0/96"), IPNetwork(cidr: "::/96"), IPNetwork(cidr: "64:ff9b::/96")]
    /// 6to4: the IPv4 address is bits 16–47.
    private static let sixToFour = IPNetwork(cidr: "2002::/16")
    /// The public unicast range of IPv6; addresses outside it (and not classified above) are reserved.
    private static let globalUnicast = IPNetwork(cidr: "2000::/3")

    /// IPv6 blocks checked after the IPv4-carrying forms.
    private static let v6Reserved: [(IPNetwork, AddressClass)] = [
        (IPNetwork(cidr: "fe80::/10"), .linkLocal), (IPNetwork(cidr: "fec0::/10"), .privateNetwork), (IPNetwork(cidr: "fc00::/7"), .uniqueLocal),
        (IPNetwork(cidr: "ff00::/8"), .multicast), (IPNetwork(cidr: "2001:db8::/32"), .documentation), (IPNetwork(cidr: "3fff::/20"), .documentation),
        (IPNetwork(cidr: "2001::/23"), .reserved), (IPNetwork(cidr: "64:ff9b:1::/48"), .reserved), (IPNetwork(cidr: "100::/64"), .reserved),
    ]
}

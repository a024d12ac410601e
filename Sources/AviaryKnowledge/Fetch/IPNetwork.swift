/// A block of addresses in CIDR notation (`10.0.0.0/8`, `fc00::/7`); a single address is a
/// network of its full width.
public struct IPNetwork: Sendable, Hashable, CustomStringConvertible {
    /// The first address of the block.
    public let address: IPAddress
    /// How many leading bits are fixed (0–32 for IPv4, 0–128 for IPv6).
    public let prefixLength: Int

    /// A network of `address`'s first `prefixLength` bits (the rest are cleared); `nil` when the
    /// length is out of range for the address family.
    public init?(_ address: IPAddress, prefixLength: Int) {
        let (value, width) = address.bits
        guard (0...width).contains(prefixLength) else { return nil }
        let masked = value & Self.mask(prefixLength, width: width)
        switch address {
        case .v4: self.address = .v4(UInt32(masked))
        case .v6: self.address = .v6(masked)
        }
        self.prefixLength = prefixLength
    }

    /// Reads `a.b.c.d/n`, `x::y/n`, or a single address (its full width); `nil` otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let address = IPAddress(String(parts[0])) else { return nil }
        guard parts.count == 2 else {
            self.init(address, prefixLength: address.bits.width)
            return
        }
        guard parts[1].allSatisfy(\.isASCIIDigit), let length = Int(parts[1]) else { return nil }
        self.init(address, prefixLength: length)
    }

    /// A network from a literal the code knows to be valid.
    init(cidr literal: StaticString) {
        guard let network = IPNetwork("\(literal)") else { preconditionFailure("not a network: \(literal)") }
        self = network
    }

    /// True when `other` is in this block (and of the same family).
    public func contains(_ other: IPAddress) -> Bool {
        let (mine, width) = address.bits, (theirs, otherWidth) = other.bits
        guard width == otherWidth else { return false }
        return theirs & Self.mask(prefixLength, width: width) == mine
    }

    /// True for a block of one address (`/32`, `/128`).
    public var isSingleAddress: Bool { prefixLength == address.bits.width }

    public var description: String { "\(address)/\(prefixLength)" }

    private static func mask(_ length: Int, width: Int) -> UInt128 {
        let all: UInt128 = width == 128 ? .max : (UInt128(1) << UInt128(width)) - 1
        guard length > 0 else { return 0 }
        return all & ~((UInt128(1) << UInt128(width - length)) - 1)
    }
}

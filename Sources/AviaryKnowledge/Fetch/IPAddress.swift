/// An IPv4 or IPv6 address, as the fetcher vets and pins it. Parsing accepts every spelling a URL
/// host may use (``init(host:)``); ``description`` is the canonical form (`127.0.0.1`, `::1`,
/// RFC 5952 for IPv6).
public enum IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// An IPv4 address, most significant byte first.
    case v4(UInt32)
    /// An IPv6 address, most significant byte first.
    case v6(UInt128)

    /// The address as bits and its width (32 or 128), for network matching.
    var bits: (value: UInt128, width: Int) {
        switch self {
        case .v4(let v): return (UInt128(v), 32)
        case .v6(let v): return (v, 128)
        }
    }

    /// The IPv4 address an IPv6 address carries in its low 32 bits.
    var embeddedV4: IPAddress { .v4(UInt32(truncatingIfNeeded: bits.value)) }

    /// The canonical text: dotted quad, or RFC 5952 IPv6 (lowercase, the longest run of two or
    /// more zero groups as `::`, IPv4-mapped addresses as `::ffff:a.b.c.d`).
    public var description: String {
        switch self {
        case .v4(let v):
            return [24, 16, 8, 0].map { String((v >> UInt32($0)) & 0xFF) }.joined(separator: ".")
        case .v6(let v):
            if v >> 32 == 0xFFFF { return "::ffff:" + embeddedV4.description }
            let groups = (0..<8).map { UInt16(truncatingIfNeeded: v >> UInt128((7 - $0) * 16)) }
            var best = (start: -1, length: 0), run = (start: -1, length: 0)
            for (i, g) in groups.enumerated() {
                if g == 0 {
                    run = run.start < 0 ? (i, 1) : (run.start, run.length + 1)
                    if run.length > best.length { best = run }
                } else {
                    run = (-1, 0)
                }
            }
            let hex = groups.map { String($0, radix: 16) }
            guard best.length >= 2 else { return hex.joined(separator: ":") }
            let head = hex[..<best.start].joined(separator: ":"), tail = hex[(best.start + best.length)...].joined(separator: ":")
            return head + "::" + tail
        }
    }

    /// The address in a URL's host: IPv6 in brackets.
    var urlHost: String {
        if case .v6 = self { return "[\(description)]" }
        return description
    }
}

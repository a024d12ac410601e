/// Reading addresses the way a browser reads a URL's host (the WHATWG URL standard), so that every
/// spelling of an address is recognised as that address: `2130706433`, `0177.0.0.1`, `0x7f.1`,
/// `127.1` and `127.0.0.1.` are all 127.0.0.1, and `[::ffff:7f00:1]` is its IPv4-mapped form.
extension IPAddress {
    /// Reads an address: IPv6 with or without brackets, or IPv4 in any of the WHATWG spellings
    /// (decimal, octal with a leading `0`, hex with `0x`, one to four parts, a trailing dot).
    /// `nil` when `text` is not an address (a host name, or malformed).
    public init?(_ text: String) {
        var s = Substring(text)
        if s.hasPrefix("["), s.hasSuffix("]") { s = s.dropFirst().dropLast() }
        if s.contains(":") {
            guard let v = Self.parseV6(s) else { return nil }
            self = .v6(v)
        } else if case .address(let v) = Self.parseV4(s) {
            self = .v4(v)
        } else {
            return nil
        }
    }

    /// What an IPv4 reading of a host found.
    enum V4Reading: Equatable {
        /// The host is this address.
        case address(UInt32)
        /// The host does not end in a number: it is a name, not an address.
        case notNumeric
        /// The host ends in a number but is no valid address (`1.2.3.4.5`, `256.1.1.1.1`, `0x`):
        /// a browser refuses such a URL, and so does the fetcher.
        case invalid
    }

    /// The WHATWG IPv4 parser: a host whose last label is a number is an IPv4 address or invalid.
    static func parseV4(_ host: Substring) -> V4Reading {
        var parts = host.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count > 1, parts.last?.isEmpty == true { parts.removeLast() }
        guard let last = parts.last, !last.isEmpty,
              last.allSatisfy(\.isASCIIDigit) || number(last) != nil else { return .notNumeric }
        guard parts.count <= 4 else { return .invalid }
        var numbers: [UInt64] = []
        for part in parts {
            guard let n = number(part) else { return .invalid }
            numbers.append(n)
        }
        let lastLimit = UInt64(1) << UInt64(8 * (5 - numbers.count))
        guard numbers.dropLast().allSatisfy({ $0 <= 255 }), numbers[numbers.count - 1] < lastLimit else { return .invalid }
        var value = numbers[numbers.count - 1]
        for (i, n) in numbers.dropLast().enumerated() { value += n << UInt64(8 * (3 - i)) }
        return .address(UInt32(value))
    }

    /// One IPv4 part: `0x` hex, `0`-prefixed octal or decimal (an empty `0x` is 0); `nil` when
    /// empty or not a number in its radix. Values above 2³² saturate there (they are invalid
    /// anyway, but still numbers).
    private static func number(_ part: Substring) -> UInt64? {
        guard !part.isEmpty else { return nil }
        var digits = part, radix: UInt64 = 10
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            digits = digits.dropFirst(2)
            radix = 16
        } else if digits.count > 1, digits.hasPrefix("0") {
            digits = digits.dropFirst()
            radix = 8
        }
        var value: UInt64 = 0
        for c in digits {
            guard c.isASCII, let d = c.hexDigitValue, UInt64(d) < radix else { return nil }
            value = min(value * radix + UInt64(d), UInt64(UInt32.max) + 1)
        }
        return value
    }

    /// An IPv6 address without brackets: eight groups, one `::`, an optional trailing dotted
    /// IPv4 part. Zone identifiers (`%eth0`) are not accepted.
    static func parseV6(_ text: Substring) -> UInt128? {
        let halves = text.split(separator: "::", maxSplits: 2, omittingEmptySubsequences: false)
        guard halves.count <= 2 else { return nil }
        guard let head = groups(halves[0], last: halves.count == 1) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1], last: true), head.count + tail.count <= 7 else { return nil }
            all += [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        return all.reduce(UInt128(0)) { $0 << 16 | UInt128($1) }
    }

    /// The 16-bit groups of one side of `::`; `last` allows a dotted IPv4 part at its end.
    private static func groups(_ side: Substring, last: Bool) -> [UInt16]? {
        guard !side.isEmpty else { return [] }
        let pieces = side.split(separator: ":", omittingEmptySubsequences: false)
        var result: [UInt16] = []
        for (i, piece) in pieces.enumerated() {
            if piece.contains(".") {
                guard last, i == pieces.count - 1, let v4 = strictDottedQuad(piece) else { return nil }
                result += [UInt16(v4 >> 16), UInt16(v4 & 0xFFFF)]
            } else {
                guard (1...4).contains(piece.count), piece.allSatisfy({ $0.isASCII && $0.isHexDigit }), let g = UInt16(piece, radix: 16) else { return nil }
                result.append(g)
            }
        }
        return result
    }

    /// The IPv4 part inside an IPv6 address: four decimal numbers 0–255 without leading zeros.
    private static func strictDottedQuad(_ text: Substring) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCIIDigit), part == "0" || !part.hasPrefix("0"),
                  let n = UInt32(part), n <= 255 else { return nil }
            value = value << 8 | n
        }
        return value
    }
}

extension Character {
    /// An ASCII digit, 0–9 (not other Unicode digits).
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

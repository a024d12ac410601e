/// A site's robots.txt (RFC 9309), reduced to the rules for one crawler: the groups whose
/// `User-agent` is its product token (case-insensitive), or else the `*` groups; the most
/// specific (longest) matching `Allow`/`Disallow` pattern decides, `Allow` winning a tie.
/// Patterns may use `*` (any characters) and a final `$` (end of the path).
public struct RobotsTxt: Sendable, Hashable {
    /// One `Allow` or `Disallow` line.
    public struct Rule: Sendable, Hashable {
        /// True for `Allow`.
        public var allows: Bool
        /// The path pattern, normalised (see ``RobotsTxt/normalise(_:)``).
        public var pattern: String
    }

    /// The rules that apply to the crawler, in file order.
    public let rules: [Rule]

    /// A site without robots.txt (or one that answered 4xx): everything is allowed.
    public static let allowAll = RobotsTxt(rules: [])
    /// A site whose robots.txt could not be read (5xx, unreachable): RFC 9309 says to assume
    /// complete disallow.
    public static let disallowAll = RobotsTxt(rules: [Rule(allows: false, pattern: "/")])

    private init(rules: [Rule]) { self.rules = rules }

    /// Reads a robots.txt for the crawler whose product token is `token` (`Aviary`).
    public init(parsing text: String, token: String) {
        let token = token.lowercased()
        var groups: [(agents: [String], rules: [Rule])] = []
        var collectingAgents = false
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            let line = rawLine.prefix { $0 != "#" }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingWhitespace().lowercased()
            let value = String(line[line.index(after: colon)...].trimmingWhitespace())
            switch key {
            case "user-agent":
                let agent = value.prefix { $0 != "/" && $0 != " " }.lowercased()
                if collectingAgents, !groups.isEmpty {
                    groups[groups.count - 1].agents.append(agent)
                } else {
                    groups.append(([agent], []))
                }
                collectingAgents = true
            case "allow", "disallow":
                collectingAgents = false
                guard !groups.isEmpty, !value.isEmpty else { continue }
                groups[groups.count - 1].rules.append(Rule(allows: key == "allow", pattern: Self.normalise(value)))
            default:
                continue // sitemap, crawl-delay and other records do not end a group
            }
        }
        let mine = groups.filter { $0.agents.contains(token) }
        rules = (mine.isEmpty ? groups.filter { $0.agents.contains("*") } : mine).flatMap(\.rules)
    }

    /// Whether the crawler may fetch `pathAndQuery` (`/docs/a?x=1`). `/robots.txt` is always allowed.
    public func allows(_ pathAndQuery: String) -> Bool {
        let path = Self.normalise(pathAndQuery)
        if path == "/robots.txt" { return true }
        var best: Rule?
        for rule in rules where Self.matches(rule.pattern, path) {
            guard let current = best else { best = rule; continue }
            let (length, currentLength) = (rule.pattern.utf8.count, current.pattern.utf8.count)
            if length > currentLength || (length == currentLength && rule.allows && !current.allows) { best = rule }
        }
        return best?.allows ?? true
    }

    /// A path or pattern in one spelling: bytes outside ASCII and spaces percent-encoded, escapes
    /// in uppercase, escaped unreserved characters (letters, digits, `-._~`) decoded.
    static func normalise(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "%"), i + 2 < bytes.count, let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) {
                let decoded = high << 4 | low
                if isUnreserved(decoded) { out.append(decoded) } else { out += Array("%\(hex(decoded))".utf8) }
                i += 3
                continue
            }
            if b >= 0x80 || b <= 0x20 { out += Array("%\(hex(b))".utf8) } else { out.append(b) }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `pattern` matches a prefix of `path` (all of it when the pattern ends in `$`).
    static func matches(_ pattern: String, _ path: String) -> Bool {
        var p = Array(pattern.utf8)
        let s = Array(path.utf8)
        let anchored = p.last == UInt8(ascii: "$")
        if anchored { p.removeLast() } else { p.append(UInt8(ascii: "*")) }
        // greedy wildcard matching with backtracking to the last `*`
        var (pi, si) = (0, 0)
        var star: (p: Int, s: Int)?
        while si < s.count {
            if pi < p.count, p[pi] == UInt8(ascii: "*") {
                star = (pi, si)
                pi += 1
            } else if pi < p.count, p[pi] == s[si] {
                pi += 1
                si += 1
            } else if let last = star {
                pi = last.p + 1
                si = last.s + 1
                star = (last.p, last.s + 1)
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 0xF)]])
    }

    private static func isUnreserved(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        default: return "-._~".utf8.contains(b)
        }
    }
}

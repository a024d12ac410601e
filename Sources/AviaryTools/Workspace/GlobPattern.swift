/// A file-name glob as models write them: `*.md`, `**/*.swift`, `docs/*.{md,txt}`, `data/??.csv`.
///
/// - `*` matches any run of characters except `/`; `?` one character; `[abc]`, `[a-z]`, `[!x]`
///   (or `[^x]`) one character from (or not from) a set; `\` escapes the next character.
/// - `**` as a whole segment matches any number of directories, including none.
/// - `{a,b}` expands to alternatives.
/// - A pattern without `/` matches the file name at any depth (as in `.gitignore` and ripgrep);
///   a pattern with `/` matches the whole path relative to the searched directory.
struct GlobPattern: Sendable {
    private enum Token: Sendable {
        case literal(Unicode.Scalar)
        case star
        case single
        case set(ranges: [ClosedRange<Unicode.Scalar>], negated: Bool)
    }

    private enum Segment: Sendable {
        case anyDepth
        case tokens([Token])
    }

    private struct Alternative: Sendable {
        var segments: [Segment]
        var basenameOnly: Bool
    }

    private let alternatives: [Alternative]

    /// The pattern as written.
    let source: String

    /// Parses a pattern; malformed brackets and braces are taken literally.
    init(_ pattern: String) {
        source = pattern
        alternatives = Self.expandBraces(pattern, budget: 64).map { expanded in
            var text = Substring(expanded)
            while text.hasPrefix("./") { text = text.dropFirst(2) }
            while text.hasPrefix("/") { text = text.dropFirst() }
            let parts = text.split(separator: "/", omittingEmptySubsequences: true)
            let segments = parts.map { part -> Segment in part == "**" ? .anyDepth : .tokens(Self.tokenize(part)) }
            return Alternative(segments: segments, basenameOnly: parts.count <= 1 && !text.contains("/"))
        }
    }

    /// Whether `relativePath` (`/`-separated, no leading `/`) matches.
    func matches(_ relativePath: String) -> Bool {
        let names = relativePath.split(separator: "/").map { Array($0.unicodeScalars) }
        guard let last = names.last else { return false }
        for alternative in alternatives {
            if alternative.basenameOnly {
                guard let segment = alternative.segments.first else { continue }
                if case .tokens(let tokens) = segment, Self.match(tokens[...], last[...]) { return true }
                if case .anyDepth = segment { return true }
            } else if Self.match(alternative.segments[...], names[...]) {
                return true
            }
        }
        return false
    }

    // MARK: - Matching

    private static func match(_ segments: ArraySlice<Segment>, _ names: ArraySlice<[Unicode.Scalar]>) -> Bool {
        guard let first = segments.first else { return names.isEmpty }
        switch first {
        case .anyDepth:
            var rest = names
            while true {
                if match(segments.dropFirst(), rest) { return true }
                if rest.isEmpty { return false }
                rest = rest.dropFirst()
            }
        case .tokens(let tokens):
            guard let name = names.first, match(tokens[...], name[...]) else { return false }
            return match(segments.dropFirst(), names.dropFirst())
        }
    }

    /// Matches one segment with the classic single-backtrack wildcard algorithm.
    private static func match(_ tokens: ArraySlice<Token>, _ name: ArraySlice<Unicode.Scalar>) -> Bool {
        var t = tokens.startIndex, n = name.startIndex
        var starToken: Int?, starName = name.startIndex
        while n < name.endIndex {
            if t < tokens.endIndex, case .star = tokens[t] {
                starToken = t
                starName = n
                t += 1
            } else if t < tokens.endIndex, matchesOne(tokens[t], name[n]) {
                t += 1
                n += 1
            } else if let star = starToken {
                t = star + 1
                starName += 1
                n = starName
            } else {
                return false
            }
        }
        while t < tokens.endIndex, case .star = tokens[t] { t += 1 }
        return t == tokens.endIndex
    }

    private static func matchesOne(_ token: Token, _ scalar: Unicode.Scalar) -> Bool {
        switch token {
        case .literal(let l): return l == scalar
        case .single: return true
        case .star: return false
        case .set(let ranges, let negated): return ranges.contains { $0.contains(scalar) } != negated
        }
    }

    // MARK: - Parsing

    private static func tokenize(_ segment: Substring) -> [Token] {
        let scalars = Array(segment.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            switch c {
            case "*": tokens.append(.star); i += 1
            case "?": tokens.append(.single); i += 1
            case "\\" where i + 1 < scalars.count: tokens.append(.literal(scalars[i + 1])); i += 2
            case "[":
                if let (token, next) = parseSet(scalars, from: i) {
                    tokens.append(token)
                    i = next
                } else {
                    tokens.append(.literal(c))
                    i += 1
                }
            default: tokens.append(.literal(c)); i += 1
            }
        }
        return tokens
    }

    /// Parses `[...]` starting at `start`; `nil` when the bracket is not closed.
    private static func parseSet(_ s: [Unicode.Scalar], from start: Int) -> (Token, Int)? {
        var i = start + 1
        var negated = false
        if i < s.count, s[i] == "!" || s[i] == "^" { negated = true; i += 1 }
        var ranges: [ClosedRange<Unicode.Scalar>] = []
        var first = true
        while i < s.count {
            if s[i] == "]" && !first { return (.set(ranges: ranges, negated: negated), i + 1) }
            first = false
            var low = s[i]
            if low == "\\", i + 1 < s.count { i += 1; low = s[i] }
            if i + 2 < s.count, s[i + 1] == "-", s[i + 2] != "]" {
                let high = s[i + 2]
                if low <= high { ranges.append(low...high) }
                i += 3
            } else {
                ranges.append(low...low)
                i += 1
            }
        }
        return nil
    }

    /// Expands the first top-level `{a,b,…}` group, recursively; at most `budget` results.
    private static func expandBraces(_ pattern: String, budget: Int) -> [String] {
        let chars = Array(pattern)
        var depth = 0, open: Int?
        var commas: [Int] = []
        var i = 0
        while i < chars.count {
            switch chars[i] {
            case "\\": i += 1
            case "{":
                if depth == 0 { open = i; commas = [] }
                depth += 1
            case "," where depth == 1: commas.append(i)
            case "}" where depth > 0:
                depth -= 1
                if depth == 0, let start = open, !commas.isEmpty {
                    let prefix = String(chars[..<start]), suffix = String(chars[(i + 1)...])
                    let bounds = [start] + commas + [i]
                    var results: [String] = []
                    for k in 0..<(bounds.count - 1) {
                        let choice = String(chars[(bounds[k] + 1)..<bounds[k + 1]])
                        for expanded in expandBraces(prefix + choice + suffix, budget: budget) where results.count < budget {
                            results.append(expanded)
                        }
                    }
                    return results
                }
            default: break
            }
            i += 1
        }
        return [pattern]
    }
}

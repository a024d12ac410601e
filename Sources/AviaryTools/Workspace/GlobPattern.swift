import AviaryCore

/// A file-name glob as models write them: `*.md`, `**/*.swift`, `docs/*.{md,txt}`, `data/??.csv`.
///
/// - `*` matches any run of characters except `/`; `?` one character; `[abc]`, `[a-z]`, `[!x]`
///   (or `[^x]`) one character from (or not from) a set; `\` escapes the next character.
/// - `**` as a whole segment matches any number of directories, including none.
/// - `{a,b}` expands to alternatives.
/// - A pattern without `/` matches the file name at any depth (as in `.gitignore` and ripgrep);
///   a pattern with `/` matches the whole path relative to the searched directory.
///
/// Work is bounded whatever the pattern: its length and brace groups are capped, alternatives are
/// counted while expanding and refused past ``Limits/maxAlternatives`` (no exponential expansion),
/// consecutive `**` collapse into one, and matching across `**` is memoised (time proportional to
/// segments × path depth, never exponential backtracking).
struct GlobPattern: Sendable {
    /// Caps on a pattern's size.
    struct Limits: Sendable {
        /// Longest pattern, in characters. Default 1,000.
        var maxLength = 1_000
        /// Most `{…}` groups. Default 16.
        var maxBraceGroups = 16
        /// Most alternatives the groups expand to. Default 64.
        var maxAlternatives = 64
    }

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

    /// Parses a pattern; malformed brackets and braces are taken literally. Throws
    /// ``ToolError/invalidArguments(_:)`` for a pattern beyond `limits`.
    init(_ pattern: String, limits: Limits = Limits()) throws(ToolError) {
        source = pattern
        guard pattern.count <= limits.maxLength else {
            throw ToolError.invalidArguments("glob is too long (\(pattern.count) characters; the limit is \(limits.maxLength))")
        }
        let groups = Self.braceGroupCount(pattern)
        guard groups <= limits.maxBraceGroups else {
            throw ToolError.invalidArguments(
                "glob has \(groups) {…} groups; the limit is \(limits.maxBraceGroups): use fewer alternatives or several calls")
        }
        var expanded: [String] = []
        guard Self.expandBraces(pattern, into: &expanded, limit: limits.maxAlternatives) else {
            throw ToolError.invalidArguments(
                "glob expands to more than \(limits.maxAlternatives) alternatives; use fewer {…} alternatives or several calls")
        }
        alternatives = expanded.map { expanded in
            var text = Substring(expanded)
            while text.hasPrefix("./") { text = text.dropFirst(2) }
            while text.hasPrefix("/") { text = text.dropFirst() }
            let parts = text.split(separator: "/", omittingEmptySubsequences: true)
            var segments: [Segment] = []
            for part in parts {
                if part == "**" {
                    if case .anyDepth? = segments.last { continue } // `**/**` is `**`
                    segments.append(.anyDepth)
                } else {
                    segments.append(.tokens(Self.tokenize(part)))
                }
            }
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

    /// Whether `segments` match all of `names`: dynamic programming over (segment, name) pairs,
    /// each decided once, so `**` never backtracks exponentially.
    private static func match(_ segments: ArraySlice<Segment>, _ names: ArraySlice<[Unicode.Scalar]>) -> Bool {
        let segs = Array(segments), parts = Array(names)
        // reachable[j]: the segments so far can consume exactly the first j names.
        var reachable = [Bool](repeating: false, count: parts.count + 1)
        reachable[0] = true
        for segment in segs {
            var next = [Bool](repeating: false, count: parts.count + 1)
            switch segment {
            case .anyDepth:
                var any = false
                for j in 0...parts.count {
                    any = any || reachable[j]
                    next[j] = any
                }
            case .tokens(let tokens):
                for j in 0..<parts.count where reachable[j] && match(tokens[...], parts[j][...]) {
                    next[j + 1] = true
                }
            }
            reachable = next
            if !reachable.contains(true) { return false }
        }
        return reachable[parts.count]
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

    /// The number of `{…}` groups with a comma (the ones that expand), at any depth.
    private static func braceGroupCount(_ pattern: String) -> Int {
        var opens: [Bool] = [] // per open brace: whether a comma was seen directly inside it
        var count = 0
        var escaped = false
        for c in pattern {
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "{": opens.append(false)
            case "," where !opens.isEmpty: opens[opens.count - 1] = true
            case "}" where !opens.isEmpty: if opens.removeLast() { count += 1 }
            default: break
            }
        }
        return count
    }

    /// Expands the first top-level `{a,b,…}` group, recursively, appending to `results`; returns
    /// false as soon as there would be more than `limit` results. Every group with a comma has at
    /// least two choices, so the recursion visits fewer than 2 × `limit` patterns before it gives up.
    private static func expandBraces(_ pattern: String, into results: inout [String], limit: Int) -> Bool {
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
                    for k in 0..<(bounds.count - 1) {
                        let choice = String(chars[(bounds[k] + 1)..<bounds[k + 1]])
                        guard expandBraces(prefix + choice + suffix, into: &results, limit: limit) else { return false }
                    }
                    return true
                }
            default: break
            }
            i += 1
        }
        guard results.count < limit else { return false }
        results.append(pattern)
        return true
    }
}

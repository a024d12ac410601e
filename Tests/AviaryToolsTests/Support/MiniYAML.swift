import AviaryCore

/// A reader for the small YAML subset the example tool files use — block mappings, `|`/`>` block
/// scalars, one-line flow mappings and sequences, plain and quoted scalars, `#` comments — so these
/// tests can load them without a YAML dependency. Projects load them with the real loader (Yams).
struct MiniYAML {
    /// Why a document is outside the subset.
    struct Failure: Error, CustomStringConvertible {
        /// What went wrong, with the line.
        var description: String
    }

    private let lines: [Substring]
    private var index = 0

    /// Parses a document whose top level is a block mapping.
    static func parse(_ text: String) throws -> JSONValue {
        var reader = MiniYAML(lines: text.split(separator: "\n", omittingEmptySubsequences: false))
        return try reader.mapping(indent: 0)
    }

    private init(lines: [Substring]) {
        self.lines = lines
    }

    private static func indentation(_ line: Substring) -> Int { line.prefix { $0 == " " }.count }

    private static func isBlank(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " }
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    private mutating func mapping(indent: Int) throws -> JSONValue {
        var members: [String: JSONValue] = [:]
        while index < lines.count {
            let line = lines[index]
            if Self.isBlank(line) { index += 1; continue }
            let lineIndent = Self.indentation(line)
            if lineIndent < indent { break }
            guard lineIndent == indent, let colon = line.firstIndex(of: ":") else {
                throw Failure(description: "line \(index + 1): expected 'key: value'")
            }
            let key = String(line[line.index(line.startIndex, offsetBy: indent)..<colon])
            let rest = Self.stripComment(line[line.index(after: colon)...]).trimmingSpaces
            index += 1
            if rest.hasPrefix("|") || rest.hasPrefix(">") {
                members[key] = .string(blockScalar(parentIndent: indent, folded: rest.hasPrefix(">"), strip: rest.hasSuffix("-")))
            } else if rest.isEmpty {
                var next = index
                while next < lines.count, Self.isBlank(lines[next]) { next += 1 }
                let childIndent = next < lines.count ? Self.indentation(lines[next]) : 0
                members[key] = childIndent > indent ? try mapping(indent: childIndent) : .null
            } else if let first = rest.first, "{[\"'".contains(first) {
                var flow = FlowReader(text: Array(rest))
                members[key] = try flow.value()
            } else {
                members[key] = Self.typedPlain(rest)
            }
        }
        return .object(members)
    }

    private mutating func blockScalar(parentIndent: Int, folded: Bool, strip: Bool) -> String {
        var body: [Substring] = []
        var contentIndent: Int?
        while index < lines.count {
            let line = lines[index]
            let blank = line.allSatisfy { $0 == " " }
            if !blank {
                let lineIndent = Self.indentation(line)
                if lineIndent <= parentIndent { break }
                contentIndent = contentIndent ?? lineIndent
            }
            body.append(blank ? "" : line.dropFirst(contentIndent ?? 0))
            index += 1
        }
        while body.last?.isEmpty == true { body.removeLast() }
        let text: String
        if folded {
            text = body.split(separator: "", omittingEmptySubsequences: false).map { $0.joined(separator: " ") }.joined(separator: "\n")
        } else {
            text = body.joined(separator: "\n")
        }
        return strip ? text : text + "\n"
    }

    /// A plain scalar as YAML's core schema types it.
    static func typedPlain(_ plain: String) -> JSONValue {
        switch plain {
        case "true": return true
        case "false": return false
        case "null", "~", "": return .null
        default:
            if let int = Int(plain) { return .number(Double(int)) }
            if let double = Double(plain) { return .number(double) }
            return .string(plain)
        }
    }

    private static func stripComment(_ text: Substring) -> Substring {
        var quote: Character?
        var previous: Character = " "
        for i in text.indices {
            let c = text[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#", previous == " " {
                return text[..<i]
            }
            previous = c
        }
        return text
    }

    /// Reads flow values: `{a: b}`, `[a, b]`, quoted and plain scalars.
    private struct FlowReader {
        let text: [Character]
        var i = 0

        mutating func value() throws -> JSONValue {
            skipSpaces()
            guard i < text.count else { return .null }
            switch text[i] {
            case "{":
                i += 1
                var members: [String: JSONValue] = [:]
                while true {
                    skipSpaces()
                    if take("}") { return .object(members) }
                    guard case .string(let key) = try scalar(stoppingAt: ":") else { throw Failure(description: "bad key") }
                    guard take(":") else { throw Failure(description: "expected ':' after \(key)") }
                    members[key] = try value()
                    skipSpaces()
                    if take("}") { return .object(members) }
                    guard take(",") else { throw Failure(description: "expected ',' in mapping") }
                }
            case "[":
                i += 1
                var items: [JSONValue] = []
                while true {
                    skipSpaces()
                    if take("]") { return .array(items) }
                    items.append(try value())
                    skipSpaces()
                    if take("]") { return .array(items) }
                    guard take(",") else { throw Failure(description: "expected ',' in sequence") }
                }
            default:
                return try scalar(stoppingAt: nil)
            }
        }

        private mutating func scalar(stoppingAt extra: Character?) throws -> JSONValue {
            skipSpaces()
            if i < text.count, text[i] == "\"" || text[i] == "'" {
                let quote = text[i]
                i += 1
                var out = ""
                while i < text.count {
                    let c = text[i]
                    i += 1
                    if c == quote {
                        if quote == "'", i < text.count, text[i] == "'" { out.append("'"); i += 1; continue }
                        return .string(out)
                    }
                    if quote == "\"", c == "\\", i < text.count {
                        let escaped = text[i]
                        i += 1
                        out.append(escaped == "n" ? "\n" : escaped == "t" ? "\t" : escaped)
                        continue
                    }
                    out.append(c)
                }
                throw Failure(description: "unterminated quoted scalar")
            }
            var raw = ""
            while i < text.count, ![",", "}", "]"].contains(text[i]), text[i] != extra { raw.append(text[i]); i += 1 }
            let plain = raw.trimmingSpaces
            return extra != nil ? .string(plain) : MiniYAML.typedPlain(plain)
        }

        private mutating func skipSpaces() { while i < text.count, text[i] == " " { i += 1 } }

        private mutating func take(_ c: Character) -> Bool {
            guard i < text.count, text[i] == c else { return false }
            i += 1
            return true
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces.
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

import Foundation

/// RFC 6901 JSON Pointer helpers (escaping, parsing from URI fragments, evaluation).
enum JSONPointer {
    /// Escapes one reference token (`~` → `~0`, `/` → `~1`).
    static func escape(_ token: String) -> String {
        guard token.contains("~") || token.contains("/") else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// Formats tokens as a pointer string (`""` for the root).
    static func format(_ tokens: [String]) -> String {
        var out = ""
        for token in tokens {
            out += "/"
            out += escape(token)
        }
        return out
    }

    /// Parses a URI fragment holding a JSON pointer (percent-decoding it first).
    /// Returns `nil` for malformed pointers.
    static func tokens(fromFragment fragment: String) -> [String]? {
        let decoded = fragment.removingPercentEncoding ?? fragment
        if decoded.isEmpty { return [] }
        guard decoded.hasPrefix("/") else { return nil }
        var tokens: [String] = []
        for raw in decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = ""
            var iterator = raw.makeIterator()
            while let c = iterator.next() {
                guard c == "~" else { token.append(c); continue }
                switch iterator.next() {
                case "0": token.append("~")
                case "1": token.append("/")
                default: return nil
                }
            }
            tokens.append(token)
        }
        return tokens
    }

    /// The value at `tokens` below `root`, if every step exists.
    static func resolve(_ tokens: [String], in root: JSONValue) -> JSONValue? {
        var current = root
        for token in tokens {
            switch current {
            case .object(let members):
                guard let next = members[token] else { return nil }
                current = next
            case .array(let elements):
                guard let index = Int(token), index >= 0, index < elements.count,
                      token == String(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }
}

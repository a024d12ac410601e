import AviaryCore

/// Extracts JSON from model text: strips Markdown code fences and surrounding prose.
public enum OutputParsing {
    /// The JSON value in `text`: the whole text, else a fenced block's body, else the span from the
    /// first `{` to the last `}` (or `[` to `]`); `nil` when none parses.
    public static func json(from text: String) -> JSONValue? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let v = try? JSONValue(parsing: trimmed) { return v }
        var body = trimmed
        if let open = body.range(of: "```") {
            body = String(body[open.upperBound...])
            if let newline = body.firstIndex(of: "\n") { body = String(body[body.index(after: newline)...]) }
            if let close = body.range(of: "```") { body = String(body[..<close.lowerBound]) }
            if let v = try? JSONValue(parsing: body.trimmingCharacters(in: .whitespacesAndNewlines)) { return v }
        }
        for (open, close) in [("{", "}"), ("[", "]")] {
            if let start = trimmed.firstIndex(of: Character(open)), let end = trimmed.lastIndex(of: Character(close)), start < end,
               let v = try? JSONValue(parsing: String(trimmed[start...end])) {
                return v
            }
        }
        return nil
    }
}

import Foundation

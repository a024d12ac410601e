import Foundation

/// Finds a user's request for a person in a message (`explicit_request`'s `patterns`, such as
/// "speak to human"): case-insensitive, accent-insensitive, whole words, ignoring punctuation,
/// repeated spaces and the articles a, an and the — so "Can I SPEAK to a human?!" matches
/// "speak to human" and "escalated" does not match "escalate".
public struct ExplicitRequestMatcher: Sendable {
    private let patterns: [[String]]

    /// Creates a matcher for `patterns`; patterns with no words are ignored.
    public init(patterns: [String]) {
        self.patterns = patterns.map(Self.words).filter { !$0.isEmpty }
    }

    /// True when `text` contains one of the patterns.
    public func match(_ text: String) -> Bool {
        let words = Self.words(String(text.prefix(10_000)))
        guard !words.isEmpty else { return false }
        return patterns.contains { pattern in
            guard pattern.count <= words.count else { return false }
            return (0...(words.count - pattern.count)).contains { start in words[start..<(start + pattern.count)].elementsEqual(pattern) }
        }
    }

    static let ignored: Set<String> = ["a", "an", "the"]

    /// The words of `text` as matching compares them.
    public static func words(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
        return folded.split { !($0.isLetter || $0.isNumber) }.map(String.init).filter { !ignored.contains($0) }
    }
}

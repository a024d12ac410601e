import AviaryCore

/// One retrievable piece of a document: its text and where it came from, for citation.
public struct KnowledgeChunk: Sendable, Hashable {
    /// The chunk's text (Markdown). It does not repeat the headings above it (see ``contextualText``).
    public var text: String
    /// The headings above it, outermost first (`["Pricing", "Card fees"]`).
    public var headingPath: [String]
    /// Its position in the document, from 0.
    public var position: Int
    /// The SHA-256 of `text`, hex.
    public var contentHash: String
    /// How many characters (`Character`s) at the start of `text` repeat the end of the previous chunk, so
    /// that a sentence cut between chunks is read whole in one of them; 0 when none do.
    public var overlapLength: Int

    /// Creates a chunk.
    public init(text: String, headingPath: [String], position: Int, contentHash: String, overlapLength: Int = 0) {
        self.text = text
        self.headingPath = headingPath
        self.position = position
        self.contentHash = contentHash
        self.overlapLength = overlapLength
    }

    /// `text` without the overlap: what this chunk adds to the ones before it.
    public var textWithoutOverlap: Substring { text.dropFirst(overlapLength) }

    /// The text to embed and index: the heading path joined with " > ", a blank line, then `text`
    /// (just `text` when there are no headings).
    public var contextualText: String {
        headingPath.isEmpty ? text : headingPath.joined(separator: " > ") + "\n\n" + text
    }
}

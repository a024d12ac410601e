import AviaryCore

/// One retrievable piece of a document: its text and where it came from, for citation.
public struct KnowledgeChunk: Sendable, Hashable {
    /// The chunk's text (Markdown).
    public var text: String
    /// The headings above it, outermost first (`["Pricing", "Card fees"]`).
    public var headingPath: [String]
    /// Its position in the document, from 0.
    public var position: Int
    /// The SHA-256 of `text`, hex.
    public var contentHash: String

    /// Creates a chunk.
    public init(text: String, headingPath: [String], position: Int, contentHash: String) {
        self.text = text
        self.headingPath = headingPath
        self.position = position
        self.contentHash = contentHash
    }
}

/// Cuts a Markdown document into chunks for retrieval, each with the heading path it sits under.
///
/// The document is cut at headings first (ATX `#`…`######` and setext; YAML front matter at the very top
/// is dropped), then between blocks, then inside a block only when it alone is over budget (see
/// ``ChunkingOptions``): a paragraph between sentences (between words as a last resort), a fenced code block
/// between lines with the fence re-opened (same info string) and closed in every part, a table between rows
/// with the header and delimiter rows repeated, a list between top-level items. Consecutive blocks of one
/// section share a chunk while they fit; sections never share a chunk.
///
/// A chunk's text does not repeat its headings: they are its ``KnowledgeChunk/headingPath``, and
/// ``KnowledgeChunk/contextualText`` puts them back in front for embedding and lexical indexing. When a
/// section runs over several chunks, a chunk that follows one ending in a paragraph starts with that
/// paragraph's last sentences or words (about `overlapTokens`; ``KnowledgeChunk/overlapLength`` says how
/// much). Overlap never crosses sections, and every chunk's text, overlap included, is within `maxTokens`
/// as ``TokenEstimator`` counts.
///
/// Also dropped: thematic breaks, fenced code blocks with no code, blank lines. Headings followed by no
/// content give no chunk. A fenced code block left open runs to the end of the document, and its chunks close it.
public struct MarkdownChunker: Sendable {
    /// The budgets chunks are cut to.
    public let options: ChunkingOptions

    /// Creates a chunker.
    public init(options: ChunkingOptions = .standard) {
        self.options = options
    }

    /// The chunks of `markdown`, in document order, positioned from 0; none for an empty or blank document.
    public func chunks(of markdown: String) -> [KnowledgeChunk] {
        let blocks = ChunkingBlockParser.blocks(of: ChunkingSource.lines(of: markdown))
        let splitter = BlockSplitter(options: options)
        let packer = ChunkPacker(options: options)
        var chunks: [KnowledgeChunk] = []
        for section in ChunkingSection.sections(of: blocks) {
            for packed in packer.pack(section.blocks.flatMap(splitter.atoms(for:))) {
                chunks.append(KnowledgeChunk(text: packed.text, headingPath: section.headingPath, position: chunks.count,
                                             contentHash: ContentHash.sha256Hex(packed.text),
                                             overlapLength: packed.overlapLength))
            }
        }
        return chunks
    }
}

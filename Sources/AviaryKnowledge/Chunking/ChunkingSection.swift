/// The blocks between one heading and the next, with the path of headings above them.
struct ChunkingSection: Sendable, Hashable {
    /// The headings above the blocks, outermost first; headings without text are not in it.
    let headingPath: [String]
    /// The section's blocks, none of them a heading.
    let blocks: [ChunkingBlock]

    /// Cuts blocks into sections at every heading. A heading closes the deeper and equal-level headings
    /// above it (skipped levels are fine: `#` then `###` is a path of two); a heading without text still
    /// starts a section and closes headings, but adds nothing to the path. Sections without blocks are left out.
    static func sections(of blocks: [ChunkingBlock]) -> [ChunkingSection] {
        var sections: [ChunkingSection] = []
        var open: [(level: Int, text: String)] = []
        var current: [ChunkingBlock] = []

        func close() {
            if !current.isEmpty { sections.append(ChunkingSection(headingPath: open.map(\.text), blocks: current)) }
            current = []
        }

        for block in blocks {
            guard case .heading(let level, let text) = block else {
                current.append(block)
                continue
            }
            close()
            open.removeAll { $0.level >= level }
            if !text.isEmpty { open.append((level, text)) }
        }
        close()
        return sections
    }
}

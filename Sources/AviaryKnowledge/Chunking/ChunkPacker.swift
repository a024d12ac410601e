/// Packs one section's atoms, in order, into chunks of at most `maxTokens`.
///
/// Atoms go into the current chunk while the whole text still fits. A chunk that follows another of the
/// same section, when that one ended in a paragraph, starts with the paragraph's tail (``OverlapTail``,
/// about `overlapTokens`, shortened or left out so that the chunk still fits). Code, tables and lists
/// give no overlap: their pieces carry their own context (the fence, the header).
struct ChunkPacker {
    let options: ChunkingOptions

    func pack(_ atoms: [ChunkAtom]) -> [PackedChunk] {
        var packed: [PackedChunk] = []
        var draft: Draft?
        for atom in atoms {
            if draft != nil, draft!.tally.adding(atom.separator).adding(atom.text).tokens <= options.maxTokens {
                draft!.append(atom)
                continue
            }
            let previousProse = draft?.trailingProse
            if let finished = draft { packed.append(finished.chunk) }
            draft = start(atom, after: previousProse)
        }
        if let finished = draft { packed.append(finished.chunk) }
        return packed
    }

    /// A chunk starting with `atom`, after the tail of `previousProse` when there is one.
    private func start(_ atom: ChunkAtom, after previousProse: String?) -> Draft {
        let separator = atom.continuesParagraph ? atom.separator : "\n\n"
        var tail: Substring = ""
        if let previousProse, options.overlapTokens > 0 {
            tail = OverlapTail.tail(of: previousProse, target: options.overlapTokens) { candidate in
                TokenTally().adding(candidate).adding(separator).adding(atom.text).tokens <= options.maxTokens
            }
        }
        guard !tail.isEmpty else {
            return Draft(text: atom.text, tally: TokenTally().adding(atom.text), overlapLength: 0,
                         trailingProse: atom.isProse ? atom.text : nil)
        }
        let overlap = String(tail) + separator
        let text = overlap + atom.text
        return Draft(text: text, tally: TokenTally().adding(text), overlapLength: overlap.count,
                     trailingProse: atom.isProse ? (atom.continuesParagraph ? text : atom.text) : nil)
    }

    /// The chunk being filled.
    private struct Draft {
        var text: String
        var tally: TokenTally
        var overlapLength: Int
        /// The paragraph the chunk ends in, from its start in this chunk; nil when it ends in something else.
        var trailingProse: String?

        var chunk: PackedChunk { PackedChunk(text: text, overlapLength: overlapLength) }

        mutating func append(_ atom: ChunkAtom) {
            text += atom.separator
            text += atom.text
            tally.add(atom.separator)
            tally.add(atom.text)
            if !atom.isProse {
                trailingProse = nil
            } else if atom.continuesParagraph, trailingProse != nil {
                trailingProse! += atom.separator
                trailingProse! += atom.text
            } else {
                trailingProse = atom.text
            }
        }
    }
}

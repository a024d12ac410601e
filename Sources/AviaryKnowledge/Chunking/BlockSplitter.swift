/// Turns a section's blocks into atoms no larger than a chunk.
///
/// A block that fits `maxTokens` is one atom. A larger one is cut where its structure allows:
/// - a paragraph into sentences, a sentence too long into words, a word too long into characters, each
///   piece within `maxTokens - overlapTokens` so that it still fits after an overlap;
/// - a fenced code block into runs of lines, each fenced again with the original opening line (info string
///   included) and closing line; a line too long for a fence of its own is cut after whitespace or between
///   characters;
/// - a table into runs of rows, each under the header and delimiter rows; a row too long for that becomes prose;
/// - a list into its top-level items (nested lists stay in their item); an item too long into its lines;
/// - a block quote or an indented code block into its lines.
/// Where structure cannot fit at all (a fence line or a table header over budget on its own), the block is
/// cut as lines and prose.
struct BlockSplitter {
    let options: ChunkingOptions

    /// The atoms of `block`, in order, each within `maxTokens`.
    func atoms(for block: ChunkingBlock) -> [ChunkAtom] {
        let text = block.text
        if TokenEstimator.tokens(in: text) <= options.maxTokens {
            if case .paragraph = block { return [.block(text, isProse: true)] }
            return [.block(text)]
        }
        switch block {
        case .heading:
            return []
        case .paragraph(let paragraph):
            return proseAtoms(paragraph[...], separator: "\n\n", budget: proseBudget, isProse: true)
        case .fencedCode(let code):
            return codeAtoms(code)
        case .indentedCode(let lines), .quote(let lines):
            return lineAtoms(lines, separator: "\n\n")
        case .table(let table):
            return tableAtoms(table)
        case .list(let list):
            return listAtoms(list)
        }
    }

    /// What a piece of a paragraph may cost: room is left for the overlap of the chunk it starts.
    private var proseBudget: Int { max(1, options.maxTokens - options.overlapTokens) }

    /// Sentences; words of a sentence over `budget`; characters of a word over `budget`.
    private func proseAtoms(_ text: Substring, separator: String, budget: Int, isProse: Bool) -> [ChunkAtom] {
        var atoms: [ChunkAtom] = []
        var previousEnd: String.Index?
        func add(_ range: Range<String.Index>) {
            let joiner = previousEnd.map { String(text[$0..<range.lowerBound]) } ?? separator
            atoms.append(ChunkAtom(text: String(text[range]), separator: joiner, isProse: isProse,
                                   continuesParagraph: previousEnd != nil))
            previousEnd = range.upperBound
        }
        for sentence in ProseSegmenter.sentences(in: text) {
            if TokenEstimator.tokens(in: text[sentence]) <= budget {
                add(sentence)
                continue
            }
            for word in ProseSegmenter.words(in: text[sentence]) {
                if TokenEstimator.tokens(in: text[word]) <= budget {
                    add(word)
                    continue
                }
                for fragment in BudgetCutter.cut(text[word], prefix: TokenTally(), suffix: "", budget: budget) {
                    add(fragment.startIndex..<fragment.endIndex)
                }
            }
        }
        return atoms
    }

    /// One atom a line (blank lines only widen the separator); a line over budget as prose.
    private func lineAtoms(_ lines: [String], separator: String) -> [ChunkAtom] {
        var atoms: [ChunkAtom] = []
        var joiner = separator
        for line in lines {
            if line.allSatisfy(\.isWhitespace) {
                if !atoms.isEmpty { joiner = "\n\n" }
                continue
            }
            if TokenEstimator.tokens(in: line) <= options.maxTokens {
                atoms.append(ChunkAtom(text: line, separator: joiner, isProse: false, continuesParagraph: false))
            } else {
                atoms += proseAtoms(line[...], separator: joiner, budget: options.maxTokens, isProse: false)
            }
            joiner = "\n"
        }
        return atoms
    }

    /// Runs of lines, each fenced like the block.
    private func codeAtoms(_ code: ChunkingCodeBlock) -> [ChunkAtom] {
        let prefix = TokenTally().adding(code.opening + "\n")
        let suffix = "\n" + code.closing
        // One character costs at most 2 tokens, so with this much room every fragment fits its fences.
        guard prefix.adding(suffix).tokens + 2 <= options.maxTokens else {
            return lineAtoms([code.opening] + code.lines + [code.closing], separator: "\n\n")
        }
        var parts: [String] = []
        var current: [String] = []
        var tally = prefix
        func flush() {
            if current.contains(where: { !$0.allSatisfy(\.isWhitespace) }) { parts.append(code.part(current[...])) }
            current = []
            tally = prefix
        }
        for line in code.lines {
            let extended = current.isEmpty ? prefix.adding(line) : tally.adding("\n").adding(line)
            if extended.adding(suffix).tokens <= options.maxTokens {
                current.append(line)
                tally = extended
                continue
            }
            flush()
            let alone = prefix.adding(line)
            if alone.adding(suffix).tokens <= options.maxTokens {
                current = [line]
                tally = alone
                continue
            }
            let fragments = BudgetCutter.cut(line[...], prefix: prefix, suffix: suffix, budget: options.maxTokens)
            for fragment in fragments.dropLast() { parts.append(code.part([String(fragment)])) }
            if let last = fragments.last {
                current = [String(last)]
                tally = prefix.adding(last)
            }
        }
        flush()
        return parts.map { .block($0) }
    }

    /// Runs of rows under the header and delimiter rows.
    private func tableAtoms(_ table: ChunkingTable) -> [ChunkAtom] {
        let header = TokenTally().adding(table.header.joined(separator: "\n"))
        guard header.adding("\n|x|").tokens <= options.maxTokens else {
            return lineAtoms(table.header + table.rows, separator: "\n\n")
        }
        var atoms: [ChunkAtom] = []
        var current: [String] = []
        var tally = header
        func flush() {
            if !current.isEmpty { atoms.append(.block(table.part(current[...]))) }
            current = []
            tally = header
        }
        for row in table.rows {
            let extended = tally.adding("\n").adding(row)
            if extended.tokens <= options.maxTokens {
                current.append(row)
                tally = extended
                continue
            }
            flush()
            let alone = header.adding("\n").adding(row)
            if alone.tokens <= options.maxTokens {
                current = [row]
                tally = alone
            } else {
                atoms += proseAtoms(row[...], separator: "\n\n", budget: options.maxTokens, isProse: false)
            }
        }
        flush()
        return atoms
    }

    /// One atom a top-level item; an item over budget as its lines.
    private func listAtoms(_ list: ChunkingList) -> [ChunkAtom] {
        var atoms: [ChunkAtom] = []
        for (index, item) in list.items.enumerated() {
            let separator = index == 0 ? "\n\n" : item.separator
            let text = item.text
            if TokenEstimator.tokens(in: text) <= options.maxTokens {
                atoms.append(ChunkAtom(text: text, separator: separator, isProse: false, continuesParagraph: false))
            } else {
                atoms += lineAtoms(item.lines, separator: separator)
            }
        }
        return atoms
    }
}

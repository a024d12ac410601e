/// Cuts a line too long for any chunk into fragments that each fit between a prefix and a suffix.
enum BudgetCutter {
    /// Fragments of `text` whose estimate, with `prefix` before and `suffix` after, is at most `budget`;
    /// cut after whitespace when there is some, else between characters. Every fragment holds at least
    /// one character, so this always ends; the fragments joined give back `text`.
    static func cut(_ text: Substring, prefix: TokenTally, suffix: String, budget: Int) -> [Substring] {
        var fragments: [Substring] = []
        var start = text.startIndex
        var index = start
        var tally = prefix
        var lastBreak: String.Index?
        while index < text.endIndex {
            var extended = tally
            extended.add(text[index])
            if index > start && extended.adding(suffix).tokens > budget {
                let cut = lastBreak ?? index
                fragments.append(text[start..<cut])
                start = cut
                index = cut
                tally = prefix
                lastBreak = nil
                continue
            }
            tally = extended
            index = text.index(after: index)
            if text[text.index(before: index)].isWhitespace && index < text.endIndex { lastBreak = index }
        }
        if start < text.endIndex { fragments.append(text[start...]) }
        return fragments
    }
}

/// A Markdown document made from a seed, with what a lossless chunking must keep.
///
/// Every content word is `w<n>` with `n` counting up through the document, so the body's words in order
/// are `w0, w1, …`; headings, table headers and info strings use other words, so that what the chunker
/// repeats on purpose (table headers, fence lines) is not mistaken for content.
struct GeneratedDocument {
    private(set) var markdown = ""
    /// How many content words there are (`w0` … `w<count-1>`).
    private(set) var wordCount = 0
    /// Every heading path a section of the document has.
    private(set) var headingPaths: Set<[String]> = [[]]

    private var random: SeededGenerator
    private var headingCount = 0

    init(seed: UInt64, sections: Int = 12) {
        random = SeededGenerator(seed: seed)
        var path: [(level: Int, text: String)] = []
        if chance(50) { blocks() }
        for _ in 0..<sections {
            let level = Int.random(in: 1...4, using: &random)
            headingCount += 1
            let text = "Heading H\(headingCount)"
            path.removeAll { $0.level >= level }
            path.append((level, text))
            headingPaths.insert(path.map(\.text))
            if chance(50) {
                markdown += String(repeating: "#", count: level) + " " + text + "\n\n"
            } else if level <= 2 {
                markdown += text + "\n" + String(repeating: level == 1 ? "=" : "-", count: 5) + "\n\n"
            } else {
                markdown += String(repeating: "#", count: level) + " " + text + " " + String(repeating: "#", count: level) + "\n\n"
            }
            blocks()
        }
    }

    private mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    private mutating func word() -> String {
        defer { wordCount += 1 }
        return "w\(wordCount)"
    }

    private mutating func words(_ range: ClosedRange<Int>) -> String {
        (0..<Int.random(in: range, using: &random)).map { _ in word() }.joined(separator: " ")
    }

    private mutating func sentence() -> String {
        let body = words(2...18)
        let end = [".", ".", ".", "!", "?"].randomElement(using: &random)!
        return body.prefix(1).uppercased() + body.dropFirst() + end
    }

    private mutating func blocks() {
        for _ in 0..<Int.random(in: 1...5, using: &random) {
            switch Int.random(in: 0..<10, using: &random) {
            case 0...3: paragraph()
            case 4: code()
            case 5: table()
            case 6, 7: list()
            case 8: quote()
            default: paragraph(sentences: 20...40)
            }
            markdown += "\n"
        }
    }

    private mutating func paragraph(sentences: ClosedRange<Int> = 1...6) {
        var lines: [String] = []
        for _ in 0..<Int.random(in: sentences, using: &random) {
            let next = sentence()
            if !lines.isEmpty && chance(70) { lines[lines.count - 1] += " " + next } else { lines.append(next) }
        }
        markdown += lines.joined(separator: "\n") + "\n"
    }

    private mutating func code() {
        let fence = chance(70) ? "```" : "~~~"
        let info = ["swift", "python title=\"x.py\"", "", "js"].randomElement(using: &random)!
        markdown += fence + info + "\n"
        for _ in 0..<Int.random(in: 1...40, using: &random) {
            markdown += chance(10) ? "\n" : "    let \(word()) = call(\(word()))  # note\n"
        }
        markdown += fence + "\n"
    }

    private mutating func table() {
        let columns = Int.random(in: 1...4, using: &random)
        markdown += "| " + (0..<columns).map { "Col\($0)" }.joined(separator: " | ") + " |\n"
        markdown += "|" + String(repeating: " --- |", count: columns) + "\n"
        for _ in 0..<Int.random(in: 1...30, using: &random) {
            markdown += "| " + (0..<columns).map { _ in words(1...3) }.joined(separator: " | ") + " |\n"
        }
    }

    private mutating func list() {
        let ordered = chance(40)
        let loose = chance(20)
        for item in 1...Int.random(in: 1...12, using: &random) {
            markdown += (ordered ? "\(item). " : "- ") + words(1...12) + "\n"
            if chance(30) {
                for _ in 0..<Int.random(in: 1...4, using: &random) { markdown += "    - " + words(1...8) + "\n" }
            }
            if loose { markdown += "\n" }
        }
    }

    private mutating func quote() {
        for _ in 0..<Int.random(in: 1...4, using: &random) { markdown += "> " + sentence() + "\n" }
    }
}

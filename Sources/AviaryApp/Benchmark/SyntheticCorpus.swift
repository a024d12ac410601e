import Foundation

/// Deterministic Markdown documents for the knowledge benchmark, words drawn from a fixed
/// vocabulary. The same seed and distribution always write the same corpus.
struct SyntheticCorpus {
    let vocabulary: [String]
    let distribution: CorpusDistribution
    private var state: UInt64
    /// Zipf: the cumulative weights `1/1 + … + 1/r`.
    private let cumulative: [Double]

    init(seed: UInt64 = 42, distribution: CorpusDistribution = .flat) {
        state = seed
        self.distribution = distribution
        let vocabularySize = distribution == .flat ? 8_000 : 50_000
        let syllables = ["ka", "ro", "mi", "tu", "sel", "van", "dor", "pi", "lex", "na", "qua", "zen", "bri", "to", "fa", "gum", "ho", "ri", "sto", "ple"]
        var words: [String] = []
        var i = 0
        while words.count < vocabularySize {
            var n = i
            var word = ""
            repeat {
                word += syllables[n % syllables.count]
                n /= syllables.count
            } while n > 0
            words.append(word)
            i += 1
        }
        vocabulary = words
        var sum = 0.0
        cumulative = distribution == .zipf ? (1...vocabularySize).map { sum += 1 / Double($0); return sum } : []
    }

    /// A number in `0..<1` (splitmix64).
    mutating func next() -> Double {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }

    /// A word, common ones far more often than rare ones.
    mutating func word() -> String {
        switch distribution {
        case .flat:
            return vocabulary[Int(pow(next(), 3) * Double(vocabulary.count - 1))]
        case .zipf:
            let target = next() * cumulative[cumulative.count - 1]
            var low = 0, high = cumulative.count - 1
            while low < high {
                let mid = (low + high) / 2
                if cumulative[mid] < target { low = mid + 1 } else { high = mid }
            }
            return vocabulary[low]
        }
    }

    /// A query of 2 to 4 words.
    mutating func query() -> String { (0..<(2 + Int(next() * 3))).map { _ in word() }.joined(separator: " ") }

    /// A document of `sections` sections, each a heading and a paragraph of about `words` words.
    mutating func document(sections: Int, words: Int) -> String {
        var text = "# \(word().capitalized) \(word())\n\n"
        for _ in 0..<sections {
            text += "## \(word().capitalized) \(word())\n\n"
            var sentence: [String] = []
            for i in 0..<words {
                sentence.append(word())
                if i % 12 == 11 { text += sentence.joined(separator: " ").capitalized + ". "; sentence = [] }
            }
            if !sentence.isEmpty { text += sentence.joined(separator: " ") + "." }
            text += "\n\n"
        }
        return text
    }

    /// A random unit-free vector (for the vector index: the benchmark times search, not embedding).
    mutating func vector(_ dimensions: Int) -> [Float] { (0..<dimensions).map { _ in Float(next() * 2 - 1) } }
}

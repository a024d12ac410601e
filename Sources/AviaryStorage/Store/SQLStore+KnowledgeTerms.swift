import SQLKit

/// Which query words SQLite's full-text search ranks by. Words are OR-ed, so a word most chunks
/// contain ("the", "how", "payment" in a payments corpus) would make the query score most of the
/// index while adding almost nothing to BM25 (its inverse document frequency is near zero). Such
/// words are left out when rarer ones remain; a query made only of them requires all of them.
extension SQLStore {
    /// A word in more than this share of all chunks is common (and at least ``minimumCommonCount``).
    static let commonShare = 0.05
    /// No word in fewer chunks than this is treated as common (small knowledge bases keep every word).
    static let minimumCommonCount = 500

    /// The FTS5 `MATCH` expression for `words` (letters and digits only, so quoting is safe).
    func ftsMatch(_ words: [String]) async throws -> String {
        let quoted = { (w: [String], op: String) in w.map { "\"\($0)\"" }.joined(separator: " \(op) ") }
        guard words.count > 1 else { return quoted(words, "OR") }
        let total = try await reader.raw("SELECT MAX(rowid) AS n FROM kb_chunks").first()?.decode(column: "n", as: Int?.self) ?? 0
        let threshold = max(Self.minimumCommonCount, Int(Double(total) * Self.commonShare))
        guard total > threshold else { return quoted(words, "OR") }
        // the index holds stems ("refund" for "refunding"); a stem is nearly always a prefix of its
        // word (Porter's y → i aside), so each word's longest prefix in the vocabulary stands for it
        let stems = Dictionary(uniqueKeysWithValues: words.map { ($0, Self.stemCandidates($0)) })
        var list = SQLQueryString("")
        for (i, term) in Set(stems.values.joined()).sorted().enumerated() {
            if i > 0 { list.appendLiteral(", ") }
            list += "\(bind: term)"
        }
        var counts: [String: Int] = [:]
        for row in try await reader.raw("SELECT term, doc FROM kb_chunks_vocab WHERE term IN (\(list))").all() {
            counts[try row.decode(column: "term", as: String.self)] = try row.decode(column: "doc", as: Int.self)
        }
        let common = words.filter { word in
            guard let count = stems[word]?.lazy.compactMap({ counts[$0] }).first else { return false }
            return count > threshold
        }
        let rare = words.filter { !common.contains($0) }
        return rare.isEmpty ? quoted(words, "AND") : quoted(rare, "OR")
    }

    /// The terms that may be `word`'s stem in the index, the most likely first: `…i` for a word
    /// ending in `y`, then the word and its prefixes down to 4 letters shorter (at least 3).
    static func stemCandidates(_ word: String) -> [String] {
        let chars = Array(word)
        let prefixes = stride(from: chars.count, through: max(3, chars.count - 4), by: -1).map { String(chars[0..<$0]) }
        return (word.hasSuffix("y") ? [String(word.dropLast()) + "i"] : []) + prefixes
    }

    /// The full-text token of a tenant's namespace, as the generated column `fts_scope` of
    /// migration 0016 spells it: `s` and the upper-case hex of `tenant ␟ namespace` in UTF-8.
    static func ftsScope(tenant: String, namespace: String) -> String {
        let bytes = Array(tenant.utf8) + [0x1F] + Array(namespace.utf8)
        let digits = Array("0123456789ABCDEF".utf8)
        var token = [UInt8(ascii: "s")]
        token.reserveCapacity(1 + bytes.count * 2)
        for byte in bytes { token += [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]] }
        return String(decoding: token, as: UTF8.self)
    }
}

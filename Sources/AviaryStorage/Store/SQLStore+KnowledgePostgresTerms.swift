import Foundation
import SQLKit

/// Which query words PostgreSQL's full-text search ranks by: as on SQLite (see
/// ``ftsMatch(_:)``), a word in more than ``commonShare`` of the chunks is left out when rarer
/// ones remain, and a query made only of such words requires all of them. The shares come from
/// the planner's statistics of the `tsv` column (`pg_stats.most_common_elems`, kept by ANALYZE
/// and autovacuum), so deciding costs two small queries and no scan; without statistics every
/// word is kept.
extension SQLStore {
    /// The `to_tsquery('english', …)` text for `words` (letters and digits only, so safe to join).
    func postgresQueryText(_ words: [String]) async throws -> String {
        guard words.count > 1 else { return words.joined(separator: " | ") }
        guard let stats = try await reader.raw("""
            SELECT c.reltuples::float8 AS total, s.most_common_elems::text AS elems, s.most_common_elem_freqs::float8[] AS freqs
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = 'kb_chunks' AND s.attname = 'tsv'
            WHERE c.relname = 'kb_chunks' AND n.nspname = current_schema()
            """).first(),
            let elems = try stats.decode(column: "elems", as: String?.self),
            let freqs = try stats.decode(column: "freqs", as: [Double]?.self)
        else { return words.joined(separator: " | ") }
        let total = try stats.decode(column: "total", as: Double.self)
        let threshold = Double(max(Self.minimumCommonCount, Int(total * Self.commonShare)))
        guard total > threshold else { return words.joined(separator: " | ") }
        // most_common_elems prints as {a,b,"c d"}; the trailing three freqs are ANALYZE's own (min, max, nulls)
        let lexemes = elems.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: ["\""]) }
        var share: [String: Double] = [:]
        for (lexeme, freq) in zip(lexemes, freqs) { share[lexeme] = freq }
        // each word's lexeme, as the column's configuration stems it (empty for a stop word)
        var values = SQLQueryString("")
        for (i, word) in words.enumerated() {
            if i > 0 { values.appendLiteral(", ") }
            values += "(\(bind: i), \(bind: word))"
        }
        var lexemeOf: [Int: String] = [:]
        for row in try await reader.raw("""
            SELECT i, array_to_string(tsvector_to_array(to_tsvector('english', w)), ' ') AS lexeme FROM (VALUES \(values)) AS t(i, w)
            """).all() {
            lexemeOf[try row.decode(column: "i", as: Int.self)] = try row.decode(column: "lexeme", as: String.self)
        }
        let common = Set(words.indices.filter { i in (lexemeOf[i].flatMap { share[$0] } ?? 0) * total > threshold })
        let rare = words.indices.filter { !common.contains($0) }.map { words[$0] }
        return rare.isEmpty ? words.joined(separator: " & ") : rare.joined(separator: " | ")
    }

    /// Refreshes the statistics common words are judged by: `ANALYZE kb_chunks` on PostgreSQL (what
    /// autovacuum does on its own after a large ingestion); nothing on SQLite, whose vocabulary
    /// table is always current.
    public func refreshKnowledgeStatistics() async throws {
        guard dialect.engine == .postgres else { return }
        try await database.raw("ANALYZE kb_chunks").run()
    }
}

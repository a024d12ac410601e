import AviaryCore
import Foundation
import SQLKit

/// Knowledge bases (``KnowledgeStore``): a document and its chunks are replaced in one
/// transaction, so a search sees the old chunks or the new ones, never a mix. Lexical search is
/// FTS5 with BM25 on SQLite and a weighted `tsvector` ranked by `ts_rank_cd` on PostgreSQL (see
/// migration `0013_knowledge`); a query's words are OR-ed, so more matching words rank higher.
extension SQLStore {
    public func replaceDocument(_ d: KnowledgeDocumentRecord, chunks: [KnowledgeChunkRecord]) async throws -> DocumentReplacement {
        try await transaction { db in
            let existing = try await db.raw("""
                SELECT id, content_hash FROM kb_documents
                WHERE tenant_id = \(bind: d.tenant) AND namespace = \(bind: d.namespace) AND source = \(bind: d.source)
                """).first()
            let existingID = try existing?.decode(column: "id", as: String.self)
            if let existing, try existing.decode(column: "content_hash", as: String.self) == d.contentHash { return .unchanged }
            let id = existingID ?? d.id
            if let existingID {
                try await db.raw("DELETE FROM kb_chunks WHERE document_id = \(bind: existingID) AND tenant_id = \(bind: d.tenant)").run()
                try await db.raw("""
                    UPDATE kb_documents SET title = \(bind: d.title), content_hash = \(bind: d.contentHash), metadata = \(bind: d.metadata.jsonString),
                      chunk_count = \(bind: chunks.count), updated_at = \(bind: d.updatedAt.timeIntervalSince1970)
                    WHERE id = \(bind: existingID)
                    """).run()
            } else {
                try await db.raw("""
                    INSERT INTO kb_documents (id, tenant_id, namespace, source, title, content_hash, metadata, chunk_count, created_at, updated_at)
                    VALUES (\(bind: d.id), \(bind: d.tenant), \(bind: d.namespace), \(bind: d.source), \(bind: d.title), \(bind: d.contentHash),
                      \(bind: d.metadata.jsonString), \(bind: chunks.count), \(bind: d.createdAt.timeIntervalSince1970),
                      \(bind: d.updatedAt.timeIntervalSince1970))
                    """).run()
            }
            let now = d.updatedAt.timeIntervalSince1970
            for batch in stride(from: 0, to: chunks.count, by: 100).map({ Array(chunks[$0..<min($0 + 100, chunks.count)]) }) {
                var rows = SQLQueryString(" ")
                for (i, c) in batch.enumerated() {
                    if i > 0 { rows.appendLiteral(", ") }
                    rows += """
                        (\(bind: c.id), \(bind: d.tenant), \(bind: d.namespace), \(bind: id), \(bind: d.source), \(bind: c.position), \(bind: c.text),
                         \(bind: c.headingPath.joined(separator: " > ")), \(bind: JSONValue.array(c.headingPath.map(JSONValue.string)).jsonString),
                         \(bind: c.contentHash), \(bind: c.metadata.jsonString), \(bind: now))
                        """
                }
                try await db.raw("""
                    INSERT INTO kb_chunks (id, tenant_id, namespace, document_id, source, position, text, heading_text, heading_path,
                      content_hash, metadata, created_at) VALUES \(rows)
                    """).run()
            }
            try await Self.raiseRevision(db, tenant: d.tenant, namespace: d.namespace)
            return existingID == nil ? .created(chunks: chunks.count) : .replaced(chunks: chunks.count)
        }
    }

    public func loadDocument(tenant: String, namespace: String, source: String) async throws -> KnowledgeDocumentRecord? {
        try await reader.raw("""
            SELECT * FROM kb_documents WHERE tenant_id = \(bind: tenant) AND namespace = \(bind: namespace) AND source = \(bind: source)
            """).first().map(decodeDocument)
    }

    public func loadDocument(_ id: String, tenant: String) async throws -> KnowledgeDocumentRecord? {
        try await reader.raw("SELECT * FROM kb_documents WHERE id = \(bind: id) AND tenant_id = \(bind: tenant)").first().map(decodeDocument)
    }

    public func documents(tenant: String, namespace: String, limit: Int) async throws -> [KnowledgeDocumentRecord] {
        try await reader.raw("""
            SELECT * FROM kb_documents WHERE tenant_id = \(bind: tenant) AND namespace = \(bind: namespace) ORDER BY source LIMIT \(bind: max(0, limit))
            """).all().map(decodeDocument)
    }

    public func namespaces(tenant: String) async throws -> [KnowledgeNamespace] {
        try await reader.raw("""
            SELECT namespace, COUNT(*) AS documents, CAST(COALESCE(SUM(chunk_count), 0) AS BIGINT) AS chunks FROM kb_documents
            WHERE tenant_id = \(bind: tenant) GROUP BY namespace ORDER BY namespace
            """).all().map {
            KnowledgeNamespace(name: try $0.decode(column: "namespace", as: String.self), documents: try $0.decode(column: "documents", as: Int.self),
                               chunks: try $0.decode(column: "chunks", as: Int.self))
        }
    }

    public func deleteDocument(_ id: String, tenant: String) async throws -> Bool {
        try await transaction { db in
            try await db.raw("DELETE FROM kb_chunks WHERE document_id = \(bind: id) AND tenant_id = \(bind: tenant)").run()
            guard let row = try await db.raw("DELETE FROM kb_documents WHERE id = \(bind: id) AND tenant_id = \(bind: tenant) RETURNING namespace").first() else {
                return false
            }
            try await Self.raiseRevision(db, tenant: tenant, namespace: try row.decode(column: "namespace", as: String.self))
            return true
        }
    }

    public func deleteNamespace(_ namespace: String, tenant: String) async throws -> Int {
        try await transaction { db in
            try await db.raw("DELETE FROM kb_chunks WHERE tenant_id = \(bind: tenant) AND namespace = \(bind: namespace)").run()
            try await Self.raiseRevision(db, tenant: tenant, namespace: namespace)
            return try await db.raw("""
                DELETE FROM kb_documents WHERE tenant_id = \(bind: tenant) AND namespace = \(bind: namespace) RETURNING id
                """).all().count
        }
    }

    public func searchLexical(tenant: String, namespace: String, query: String, filters: [KnowledgeFilter], limit: Int) async throws -> [KnowledgeHit] {
        let words = Self.searchWords(query)
        guard !words.isEmpty, limit > 0 else { return [] }
        let rows: [any SQLRow]
        switch dialect.engine {
        case .sqlite:
            // the namespace's token and the words, matched inside FTS5 (migration 0016)
            let match = "fts_scope:\"\(Self.ftsScope(tenant: tenant, namespace: namespace))\" AND (\(try await ftsMatch(words)))"
            if filters.isEmpty {
                // ranked inside FTS5; only the best `limit` are joined to their chunks
                rows = try await reader.raw("""
                    SELECT \(unsafeRaw: Self.chunkColumns("c")), f.score FROM (
                      SELECT rowid, -bm25(kb_chunks_fts, 1.0, 0.5, 0.0) AS score FROM kb_chunks_fts
                      WHERE kb_chunks_fts MATCH \(bind: match) ORDER BY score DESC, rowid LIMIT \(bind: limit)) f
                    JOIN kb_chunks c ON c.rowid = f.rowid
                    WHERE c.tenant_id = \(bind: tenant) AND c.namespace = \(bind: namespace)
                    ORDER BY f.score DESC, c.id
                    """).all()
            } else {
                rows = try await reader.raw("""
                    SELECT \(unsafeRaw: Self.chunkColumns("c")), -bm25(kb_chunks_fts, 1.0, 0.5, 0.0) AS score FROM kb_chunks_fts
                    JOIN kb_chunks c ON c.rowid = kb_chunks_fts.rowid
                    WHERE kb_chunks_fts MATCH \(bind: match) AND c.tenant_id = \(bind: tenant) AND c.namespace = \(bind: namespace)\(filterSQL(filters))
                    ORDER BY score DESC, c.id LIMIT \(bind: limit)
                    """).all()
            }
        case .postgres:
            let text = try await postgresQueryText(words)
            rows = try await reader.raw("""
                SELECT \(unsafeRaw: Self.chunkColumns("c")), ts_rank_cd(c.tsv, q) AS score FROM kb_chunks c, to_tsquery('english', \(bind: text)) q
                WHERE c.tenant_id = \(bind: tenant) AND c.namespace = \(bind: namespace) AND c.tsv @@ q\(filterSQL(filters))
                ORDER BY score DESC, c.id LIMIT \(bind: limit)
                """).all()
        }
        return try rows.enumerated().map { i, row in
            KnowledgeHit(chunk: try decodeChunk(row), score: try row.decode(column: "score", as: Double.self), rank: i + 1)
        }
    }

    /// A query's words as the full-text engines take them: letters and digits only (so nothing in
    /// a query is search syntax), lower-cased, each once, at most 32.
    static func searchWords(_ query: String) -> [String] {
        var seen = Set<String>()
        return query.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
            .filter { seen.insert($0).inserted }.prefix(32).map { $0 }
    }

    private func decodeDocument(_ row: any SQLRow) throws -> KnowledgeDocumentRecord {
        KnowledgeDocumentRecord(
            id: try row.decode(column: "id", as: String.self), tenant: try row.decode(column: "tenant_id", as: String.self),
            namespace: try row.decode(column: "namespace", as: String.self), source: try row.decode(column: "source", as: String.self),
            title: try row.decode(column: "title", as: String?.self), contentHash: try row.decode(column: "content_hash", as: String.self),
            metadata: try parseJSON(try row.decode(column: "metadata", as: String.self), "document metadata") ?? .object([:]),
            chunkCount: try row.decode(column: "chunk_count", as: Int.self),
            createdAt: Self.date(try row.decode(column: "created_at", as: Double.self)),
            updatedAt: Self.date(try row.decode(column: "updated_at", as: Double.self)))
    }

    /// The columns a chunk is read from (never its vector), prefixed with a table alias when given.
    static func chunkColumns(_ alias: String) -> String {
        ["id", "document_id", "namespace", "source", "position", "text", "heading_path", "content_hash", "metadata"]
            .map { "\(alias).\($0)" }.joined(separator: ", ")
    }

    func decodeChunk(_ row: any SQLRow) throws -> KnowledgeChunkRecord {
        KnowledgeChunkRecord(
            id: try row.decode(column: "id", as: String.self), documentID: try row.decode(column: "document_id", as: String.self),
            namespace: try row.decode(column: "namespace", as: String.self), source: try row.decode(column: "source", as: String.self),
            position: try row.decode(column: "position", as: Int.self), text: try row.decode(column: "text", as: String.self),
            headingPath: try parseJSON(try row.decode(column: "heading_path", as: String.self), "heading path")?.arrayValue?.compactMap(\.stringValue) ?? [],
            contentHash: try row.decode(column: "content_hash", as: String.self),
            metadata: try parseJSON(try row.decode(column: "metadata", as: String.self), "chunk metadata") ?? .object([:]))
    }
}

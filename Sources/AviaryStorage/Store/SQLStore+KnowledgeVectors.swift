import AviaryCore
import Foundation
import SQLKit

/// Vectors beside chunks (migration `0014_knowledge_vectors`): `embedding` holds a chunk's vector
/// as little-endian 32-bit floats, `embedding_model` the model that made it. Storing vectors, like
/// every change to a namespace's chunks, raises the namespace's revision in the same transaction.
extension SQLStore {
    public func chunksNeedingEmbeddings(tenant: String, namespace: String, model: String, limit: Int) async throws -> [KnowledgeChunkRecord] {
        try await database.raw("""
            SELECT \(unsafeRaw: Self.chunkColumns("kb_chunks")) FROM kb_chunks
            WHERE tenant_id = \(bind: tenant) AND namespace = \(bind: namespace) AND (embedding_model IS NULL OR embedding_model <> \(bind: model))
            ORDER BY document_id, position LIMIT \(bind: max(0, limit))
            """).all().map(decodeChunk)
    }

    public func countChunksNeedingEmbeddings(tenant: String, namespace: String, model: String) async throws -> Int {
        try await reader.raw("""
            SELECT COUNT(*) AS n FROM kb_chunks
            WHERE tenant_id = \(bind: tenant) AND namespace = \(bind: namespace) AND (embedding_model IS NULL OR embedding_model <> \(bind: model))
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    public func storeEmbeddings(_ vectors: [ChunkEmbedding], model: String, tenant: String, namespace: String) async throws -> Int {
        guard !vectors.isEmpty else { return 0 }
        return try await transaction { db in
            var stored = 0
            for item in vectors {
                let updated = try await db.raw("""
                    UPDATE kb_chunks SET embedding = \(bind: Self.bytes(of: item.vector)), embedding_model = \(bind: model)
                    WHERE id = \(bind: item.chunkID) AND tenant_id = \(bind: tenant) AND namespace = \(bind: namespace) RETURNING id
                    """).first()
                if updated != nil { stored += 1 }
            }
            if stored > 0 { try await Self.raiseRevision(db, tenant: tenant, namespace: namespace, text: false) }
            return stored
        }
    }

    public func loadEmbeddings(tenant: String, namespace: String, model: String) async throws -> [ChunkEmbedding] {
        try await reader.raw("""
            SELECT id, embedding FROM kb_chunks
            WHERE tenant_id = \(bind: tenant) AND namespace = \(bind: namespace) AND embedding_model = \(bind: model)
            """).all().map { row in
            ChunkEmbedding(chunkID: try row.decode(column: "id", as: String.self),
                           vector: Self.floats(of: try row.decode(column: "embedding", as: Data.self)))
        }
    }

    public func knowledgeRevision(tenant: String, namespace: String) async throws -> Int {
        try await reader.raw("""
            SELECT revision FROM kb_namespace_revisions WHERE tenant_id = \(bind: tenant) AND namespace = \(bind: namespace)
            """).first()?.decode(column: "revision", as: Int.self) ?? 0
    }

    public func knowledgeTextRevision(tenant: String, namespace: String) async throws -> Int {
        try await reader.raw("""
            SELECT text_revision FROM kb_namespace_revisions WHERE tenant_id = \(bind: tenant) AND namespace = \(bind: namespace)
            """).first()?.decode(column: "text_revision", as: Int.self) ?? 0
    }

    public func chunkTexts(tenant: String, namespace: String) async throws -> [KnowledgeChunkText] {
        try await reader.raw("""
            SELECT id, text, heading_text FROM kb_chunks WHERE tenant_id = \(bind: tenant) AND namespace = \(bind: namespace)
            """).all().map { row in
            KnowledgeChunkText(id: try row.decode(column: "id", as: String.self), text: try row.decode(column: "text", as: String.self),
                               headingText: try row.decode(column: "heading_text", as: String?.self) ?? "")
        }
    }

    public func chunkIDs(tenant: String, namespace: String, filters: [KnowledgeFilter]) async throws -> Set<String> {
        Set(try await reader.raw("""
            SELECT c.id FROM kb_chunks c WHERE c.tenant_id = \(bind: tenant) AND c.namespace = \(bind: namespace)\(filterSQL(filters))
            """).all().map { try $0.decode(column: "id", as: String.self) })
    }

    public func loadChunks(_ ids: [String], tenant: String) async throws -> [KnowledgeChunkRecord] {
        var chunks: [KnowledgeChunkRecord] = []
        for batch in stride(from: 0, to: ids.count, by: 200).map({ Array(ids[$0..<min($0 + 200, ids.count)]) }) {
            var list = SQLQueryString("")
            for (i, id) in batch.enumerated() {
                if i > 0 { list.appendLiteral(", ") }
                list += "\(bind: id)"
            }
            chunks += try await reader.raw("""
                SELECT \(unsafeRaw: Self.chunkColumns("kb_chunks")) FROM kb_chunks WHERE \(unsafeRaw: Self.tenantColumnBesideIDs(dialect.engine)) = \(bind: tenant) AND id IN (\(list))
                """).all().map(decodeChunk)
        }
        return chunks
    }

    /// The tenant column as a lookup by chunk IDs names it: `+tenant_id` on SQLite keeps the
    /// planner on the primary key (on a tenant's index it would read every chunk of the tenant to
    /// find a handful).
    static func tenantColumnBesideIDs(_ engine: StoreDialect.Engine) -> String {
        engine == .sqlite ? "+tenant_id" : "tenant_id"
    }

    /// Raises a namespace's revision, and with `text` its text revision too, (creating it at 1) inside the caller's transaction.
    static func raiseRevision(_ db: any SQLDatabase, tenant: String, namespace: String, text: Bool = true) async throws {
        let step = text ? 1 : 0
        try await db.raw("""
            INSERT INTO kb_namespace_revisions (tenant_id, namespace, revision, text_revision)
            VALUES (\(bind: tenant), \(bind: namespace), 1, \(bind: step))
            ON CONFLICT (tenant_id, namespace) DO UPDATE SET revision = kb_namespace_revisions.revision + 1,
              text_revision = kb_namespace_revisions.text_revision + \(bind: step)
            """).run()
    }

    /// A vector as stored: its floats, little-endian.
    static func bytes(of vector: [Float]) -> Data {
        var data = Data(capacity: vector.count * 4)
        for value in vector { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    /// A stored vector's floats (a trailing partial float is ignored).
    static func floats(of data: Data) -> [Float] {
        let count = data.count / 4
        return data.withUnsafeBytes { raw in
            (0..<count).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
    }
}

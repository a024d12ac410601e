extension AviaryMigrations {
    /// Vectors beside chunks: the model that made a chunk's `embedding` (vectors of different
    /// models are never compared, and a new model re-embeds), an index to find the chunks still
    /// waiting for one, and a revision per namespace, raised in the transaction of every change to
    /// its chunks or vectors, so an in-memory vector index knows with one lookup when to reload.
    static let knowledgeVectors = Migration(name: "0014_knowledge_vectors", statements: [
        "ALTER TABLE kb_chunks ADD COLUMN embedding_model TEXT",
        "CREATE INDEX kb_chunks_embedding_model ON kb_chunks (tenant_id, namespace, embedding_model)",
        """
        CREATE TABLE kb_namespace_revisions (
          tenant_id TEXT NOT NULL, namespace TEXT NOT NULL, revision BIGINT NOT NULL, PRIMARY KEY (tenant_id, namespace))
        """,
    ])
}

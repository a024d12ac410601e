extension AviaryMigrations {
    /// SQLite: the full-text index's vocabulary with each term's document count (`fts5vocab`,
    /// read-only, computed from the index), so a query can leave out words so common that they
    /// carry no ranking signal and would make it score most of the index.
    static let knowledgeVocabulary = Migration(name: "0015_knowledge_vocabulary", statements: [], sqlite: [
        "CREATE VIRTUAL TABLE kb_chunks_vocab USING fts5vocab('kb_chunks_fts', 'row')",
    ])
}

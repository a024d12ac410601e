extension AviaryMigrations {
    /// SQLite: each chunk's tenant and namespace as one token in the full-text index (column
    /// `fts_scope`, generated from `tenant_id` and `namespace`), so a search matches
    /// `fts_scope:<token> AND (words)` inside FTS5 and ranks only its own namespace's chunks
    /// there, joining the chunk table for the best few alone instead of for every match of every
    /// tenant. The index is rebuilt from the chunk table.
    static let knowledgeScope = Migration(name: "0016_knowledge_scope", statements: [], sqlite: [
        "DROP TABLE kb_chunks_vocab",
        "DROP TRIGGER kb_chunks_fts_insert",
        "DROP TRIGGER kb_chunks_fts_delete",
        "DROP TABLE kb_chunks_fts",
        """
        ALTER TABLE kb_chunks ADD COLUMN fts_scope TEXT GENERATED ALWAYS AS ('s' || hex(tenant_id || char(31) || namespace)) VIRTUAL
        """,
        """
        CREATE VIRTUAL TABLE kb_chunks_fts USING fts5(text, heading_text, fts_scope, content='kb_chunks', content_rowid='rowid',
          tokenize='porter unicode61 remove_diacritics 2')
        """,
        "INSERT INTO kb_chunks_fts (kb_chunks_fts) VALUES ('rebuild')",
        """
        CREATE TRIGGER kb_chunks_fts_insert AFTER INSERT ON kb_chunks BEGIN
          INSERT INTO kb_chunks_fts (rowid, text, heading_text, fts_scope) VALUES (new.rowid, new.text, new.heading_text, new.fts_scope);
        END
        """,
        """
        CREATE TRIGGER kb_chunks_fts_delete AFTER DELETE ON kb_chunks BEGIN
          INSERT INTO kb_chunks_fts (kb_chunks_fts, rowid, text, heading_text, fts_scope)
          VALUES ('delete', old.rowid, old.text, old.heading_text, old.fts_scope);
        END
        """,
        "CREATE VIRTUAL TABLE kb_chunks_vocab USING fts5vocab('kb_chunks_fts', 'row')",
    ])
}

extension AviaryMigrations {
    /// A second revision per namespace that only changes to its chunks raise (not their vectors),
    /// so an in-memory lexical index stays current while a namespace's vectors are filled in.
    static let knowledgeTextRevision = Migration(name: "0017_knowledge_text_revision", statements: [
        "ALTER TABLE kb_namespace_revisions ADD COLUMN text_revision BIGINT NOT NULL DEFAULT 0",
        "UPDATE kb_namespace_revisions SET text_revision = revision",
    ])
}

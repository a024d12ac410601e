/// Aviary's schema, as ordered named migrations shared by SQLite and PostgreSQL.
///
/// Every statement runs unchanged on both: types are `TEXT`, `BIGINT` and `DOUBLE PRECISION`,
/// timestamps are seconds since 1970. Never edit or rename an applied migration: add one.
public enum AviaryMigrations {
    /// Every migration, in order.
    public static let all: [Migration] = [initial, tenantJournalAndKeys, runListIndexes, sessionOwner, leanRunIndexes,
                                          interruptedRunsIndex, sessionRunsIndex, principalNamespaces, runLeases,
                                          waitingRunsIndex, waitExpiry, conversations, knowledge, knowledgeVectors, knowledgeVocabulary,
                                          knowledgeScope, knowledgeTextRevision]

    static let initial = Migration(name: "0001_initial", statements: [
        """
        CREATE TABLE sessions (
          id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, user_id TEXT NOT NULL,
          input_tokens BIGINT NOT NULL DEFAULT 0, output_tokens BIGINT NOT NULL DEFAULT 0,
          cost_usd DOUBLE PRECISION NOT NULL DEFAULT 0, requests BIGINT NOT NULL DEFAULT 0,
          turns BIGINT NOT NULL DEFAULT 0, created_at DOUBLE PRECISION NOT NULL, updated_at DOUBLE PRECISION NOT NULL)
        """,
        "CREATE INDEX sessions_tenant_user ON sessions (tenant_id, user_id)",
        """
        CREATE TABLE transcript_messages (
          session_id TEXT NOT NULL, tenant_id TEXT NOT NULL, agent TEXT NOT NULL, seq BIGINT NOT NULL,
          message TEXT NOT NULL, created_at DOUBLE PRECISION NOT NULL, PRIMARY KEY (session_id, agent, seq))
        """,
        """
        CREATE TABLE runs (
          id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, principal TEXT NOT NULL, session_id TEXT, parent_run_id TEXT,
          agent TEXT NOT NULL, input TEXT NOT NULL, status TEXT NOT NULL, output TEXT, error TEXT,
          input_tokens BIGINT NOT NULL DEFAULT 0, output_tokens BIGINT NOT NULL DEFAULT 0,
          cost_usd DOUBLE PRECISION NOT NULL DEFAULT 0, requests BIGINT NOT NULL DEFAULT 0,
          created_at DOUBLE PRECISION NOT NULL, updated_at DOUBLE PRECISION NOT NULL)
        """,
        "CREATE INDEX runs_tenant_created ON runs (tenant_id, created_at)",
        "CREATE INDEX runs_parent ON runs (parent_run_id)",
        "CREATE INDEX runs_session ON runs (session_id)",
        """
        CREATE TABLE journal (
          run_id TEXT NOT NULL, step_key TEXT NOT NULL, state TEXT NOT NULL, output TEXT, error TEXT,
          updated_at DOUBLE PRECISION NOT NULL, PRIMARY KEY (run_id, step_key))
        """,
        """
        CREATE TABLE run_events (
          run_id TEXT NOT NULL, seq BIGINT NOT NULL, tenant_id TEXT NOT NULL, kind TEXT NOT NULL, data TEXT NOT NULL,
          created_at DOUBLE PRECISION NOT NULL, PRIMARY KEY (run_id, seq))
        """,
    ])

    /// Tenant on the journal (every user-data table carries it), API keys, and indexes for the server's queries.
    static let tenantJournalAndKeys = Migration(name: "0002_tenant_journal_api_keys", statements: [
        "ALTER TABLE journal ADD COLUMN tenant_id TEXT NOT NULL DEFAULT ''",
        "UPDATE journal SET tenant_id = (SELECT runs.tenant_id FROM runs WHERE runs.id = journal.run_id) WHERE EXISTS (SELECT 1 FROM runs WHERE runs.id = journal.run_id)",
        """
        CREATE TABLE api_keys (
          id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, principal TEXT NOT NULL, role TEXT NOT NULL,
          secret_hash TEXT NOT NULL, name TEXT NOT NULL, created_at DOUBLE PRECISION NOT NULL, revoked_at DOUBLE PRECISION)
        """,
        "CREATE INDEX api_keys_tenant ON api_keys (tenant_id, created_at)",
        "CREATE INDEX transcript_messages_tenant ON transcript_messages (tenant_id, session_id)",
        "CREATE INDEX runs_tenant_session ON runs (tenant_id, session_id, created_at)",
    ])

    /// Indexes for the server's run listings: a principal's own runs, and runs in one status
    /// (the `needs_attention` and `waiting` queues), newest first within a tenant.
    static let runListIndexes = Migration(name: "0003_run_list_indexes", statements: [
        "CREATE INDEX runs_tenant_principal ON runs (tenant_id, principal, created_at)",
        "CREATE INDEX runs_tenant_status ON runs (tenant_id, status, created_at)",
    ])

    /// The principal that owns a session (access checks: owner or admin).
    static let sessionOwner = Migration(name: "0004_session_owner", statements: [
        "ALTER TABLE sessions ADD COLUMN principal TEXT NOT NULL DEFAULT 'local'",
    ])

    /// Drops two indexes no query uses (every session lookup filters by tenant and finds
    /// `runs_tenant_session`; child runs are found by their deterministic id), so creating a run
    /// writes two index pages fewer.
    static let leanRunIndexes = Migration(name: "0005_lean_run_indexes", statements: [
        "DROP INDEX IF EXISTS runs_parent",
        "DROP INDEX IF EXISTS runs_session",
    ])

    /// Lets a starting server find the interrupted runs it must resume without reading every run:
    /// the claim filters by status across tenants, which `runs_tenant_status` (tenant first) cannot
    /// serve, so it scanned the table. A partial index holds only interrupted top-level runs, so
    /// the runs that start and end normally never touch it.
    static let interruptedRunsIndex = Migration(name: "0006_interrupted_runs_index", statements: [
        "CREATE INDEX runs_interrupted ON runs (updated_at, id) WHERE status = 'interrupted' AND parent_run_id IS NULL",
    ])

    /// Keeps runs without a session out of `runs_tenant_session`: every query of it compares
    /// `session_id` with a value (which implies `IS NOT NULL`, so SQLite and PostgreSQL still use
    /// it), and creating a run outside a session — API and CLI runs, their delegations — writes one
    /// index page fewer.
    static let sessionRunsIndex = Migration(name: "0007_session_runs_index", statements: [
        "DROP INDEX IF EXISTS runs_tenant_session",
        "CREATE INDEX runs_tenant_session ON runs (tenant_id, session_id, created_at) WHERE session_id IS NOT NULL",
    ])

    /// Gives API keys and JWT subjects separate principal namespaces (`key:…`, `jwt:…`), so that a
    /// token cannot claim a key's runs, and adds key expiry. Existing keys keep exactly what they
    /// own: a run or session whose principal is an existing key's principal in its tenant moves to
    /// `key:<principal>` with that key; every other owner except the command line's `local` was a
    /// token subject and moves to `jwt:<principal>`. New keys get a principal of their own.
    static let principalNamespaces = Migration(name: "0008_principal_namespaces_key_expiry", statements: [
        "ALTER TABLE api_keys ADD COLUMN expires_at DOUBLE PRECISION",
        """
        UPDATE runs SET principal = CASE
          WHEN EXISTS (SELECT 1 FROM api_keys k WHERE k.tenant_id = runs.tenant_id AND k.principal = runs.principal)
          THEN 'key:' || principal ELSE 'jwt:' || principal END
        WHERE principal <> 'local'
        """,
        """
        UPDATE sessions SET principal = CASE
          WHEN EXISTS (SELECT 1 FROM api_keys k WHERE k.tenant_id = sessions.tenant_id AND k.principal = sessions.principal)
          THEN 'key:' || principal ELSE 'jwt:' || principal END
        WHERE principal <> 'local'
        """,
        "UPDATE api_keys SET principal = 'key:' || principal",
    ])

    /// Run leases: the process executing a `running` run and until when its claim holds. The
    /// partial indexes serve the recovery's scan for abandoned top-level runs and the heartbeat's
    /// renewal of one owner's runs. Runs stored before have no lease; one found `running` was left
    /// by a process that died, and any live process may claim it.
    static let runLeases = Migration(name: "0009_run_leases", statements: [
        "ALTER TABLE runs ADD COLUMN lease_owner TEXT",
        "ALTER TABLE runs ADD COLUMN lease_expires_at DOUBLE PRECISION",
        "CREATE INDEX runs_running_top_level ON runs (updated_at, id) WHERE status = 'running' AND parent_run_id IS NULL",
        "CREATE INDEX runs_lease_owner ON runs (lease_owner) WHERE status = 'running'",
    ])

    /// The runs waiting for a person, for the scan that expires their approval requests.
    static let waitingRunsIndex = Migration(name: "0010_waiting_runs_index", statements: [
        "CREATE INDEX runs_waiting ON runs (updated_at, id) WHERE status = 'waiting'",
    ])

    /// When a waiting step's request expires, so the expiry scan reads only the steps that are due
    /// (however many runs wait without an expiry). Steps stored waiting before carry none: their
    /// requests are found again when the run is next resumed, not by the scan.
    static let waitExpiry = Migration(name: "0011_wait_expiry", statements: [
        "ALTER TABLE journal ADD COLUMN wakes_at DOUBLE PRECISION",
        "CREATE INDEX journal_wakes ON journal (wakes_at) WHERE state = 'waiting' AND wakes_at IS NOT NULL",
    ])

    /// Human-in-the-loop conversations (seed 003's `is_hil`, `hil_reason`, `assigned_agent_id`,
    /// `handover_context`, `confidence_score`), their messages and events, human agents and their
    /// inboxes. `version` makes every change conditional; the partial indexes serve the queue, an
    /// agent's conversations, the SLA scan and the recovery of AI turns.
    static let conversations = Migration(name: "0012_conversations", statements: [
        """
        CREATE TABLE conversations (
          id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, principal TEXT NOT NULL, user_id TEXT NOT NULL, workflow TEXT NOT NULL,
          state TEXT NOT NULL, is_hil BIGINT NOT NULL DEFAULT 0, hil_reason TEXT, assigned_agent_id TEXT, handover_context TEXT,
          confidence_score DOUBLE PRECISION, required_skills TEXT NOT NULL DEFAULT '[]', priority BIGINT NOT NULL DEFAULT 0,
          pending_since DOUBLE PRECISION, sla_breached BIGINT NOT NULL DEFAULT 0, consecutive_errors BIGINT NOT NULL DEFAULT 0,
          ai_note TEXT, active_run_id TEXT, context TEXT, metadata TEXT, version BIGINT NOT NULL DEFAULT 0,
          created_at DOUBLE PRECISION NOT NULL, updated_at DOUBLE PRECISION NOT NULL)
        """,
        "CREATE INDEX conversations_tenant_created ON conversations (tenant_id, created_at)",
        "CREATE INDEX conversations_pending ON conversations (tenant_id, pending_since) WHERE state = 'pending_human'",
        "CREATE INDEX conversations_assigned ON conversations (tenant_id, assigned_agent_id) WHERE assigned_agent_id IS NOT NULL",
        "CREATE INDEX conversations_state_updated ON conversations (state, updated_at) WHERE state IN ('ai_processing', 'pending_human')",
        """
        CREATE TABLE conversation_messages (
          conversation_id TEXT NOT NULL, seq BIGINT NOT NULL, tenant_id TEXT NOT NULL, role TEXT NOT NULL, text TEXT NOT NULL,
          author TEXT, run_id TEXT, created_at DOUBLE PRECISION NOT NULL, PRIMARY KEY (conversation_id, seq))
        """,
        """
        CREATE TABLE conversation_events (
          conversation_id TEXT NOT NULL, seq BIGINT NOT NULL, tenant_id TEXT NOT NULL, kind TEXT NOT NULL, data TEXT NOT NULL,
          created_at DOUBLE PRECISION NOT NULL, PRIMARY KEY (conversation_id, seq))
        """,
        """
        CREATE TABLE human_agents (
          id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, name TEXT NOT NULL, email TEXT NOT NULL, status TEXT NOT NULL,
          skills TEXT NOT NULL DEFAULT '[]', max_capacity BIGINT NOT NULL DEFAULT 5, current_load BIGINT NOT NULL DEFAULT 0,
          principal TEXT, last_assigned_at DOUBLE PRECISION, inbox_seq BIGINT NOT NULL DEFAULT 0, created_at DOUBLE PRECISION NOT NULL,
          CHECK (status IN ('online', 'away', 'offline')), CHECK (current_load >= 0))
        """,
        "CREATE UNIQUE INDEX human_agents_email ON human_agents (tenant_id, email)",
        """
        CREATE TABLE hil_inbox_events (
          agent_id TEXT NOT NULL, seq BIGINT NOT NULL, tenant_id TEXT NOT NULL, conversation_id TEXT NOT NULL, kind TEXT NOT NULL,
          data TEXT NOT NULL, created_at DOUBLE PRECISION NOT NULL, PRIMARY KEY (agent_id, seq))
        """,
    ])

    /// The knowledge base: documents (one per source and namespace, with the hash of their
    /// content, so an unchanged document is skipped) and their chunks, with full-text search —
    /// FTS5 over the chunks on SQLite (kept in step by triggers), a generated `tsvector` with a GIN
    /// index on PostgreSQL — and room for each chunk's embedding.
    static let knowledge = Migration(name: "0013_knowledge", statements: [
        """
        CREATE TABLE kb_documents (
          id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, namespace TEXT NOT NULL, source TEXT NOT NULL, title TEXT,
          content_hash TEXT NOT NULL, metadata TEXT NOT NULL DEFAULT '{}', chunk_count BIGINT NOT NULL DEFAULT 0,
          created_at DOUBLE PRECISION NOT NULL, updated_at DOUBLE PRECISION NOT NULL)
        """,
        "CREATE UNIQUE INDEX kb_documents_source ON kb_documents (tenant_id, namespace, source)",
        """
        CREATE TABLE kb_chunks (
          id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, namespace TEXT NOT NULL, document_id TEXT NOT NULL, source TEXT NOT NULL,
          position BIGINT NOT NULL, text TEXT NOT NULL, heading_text TEXT NOT NULL DEFAULT '', heading_path TEXT NOT NULL DEFAULT '[]',
          content_hash TEXT NOT NULL, metadata TEXT NOT NULL DEFAULT '{}', created_at DOUBLE PRECISION NOT NULL)
        """,
        "CREATE INDEX kb_chunks_document ON kb_chunks (document_id, position)",
        "CREATE INDEX kb_chunks_namespace ON kb_chunks (tenant_id, namespace)",
    ], sqlite: [
        "ALTER TABLE kb_chunks ADD COLUMN embedding BLOB",
        """
        CREATE VIRTUAL TABLE kb_chunks_fts USING fts5(text, heading_text, content='kb_chunks', content_rowid='rowid',
          tokenize='porter unicode61 remove_diacritics 2')
        """,
        """
        CREATE TRIGGER kb_chunks_fts_insert AFTER INSERT ON kb_chunks BEGIN
          INSERT INTO kb_chunks_fts (rowid, text, heading_text) VALUES (new.rowid, new.text, new.heading_text);
        END
        """,
        """
        CREATE TRIGGER kb_chunks_fts_delete AFTER DELETE ON kb_chunks BEGIN
          INSERT INTO kb_chunks_fts (kb_chunks_fts, rowid, text, heading_text) VALUES ('delete', old.rowid, old.text, old.heading_text);
        END
        """,
    ], postgres: [
        "ALTER TABLE kb_chunks ADD COLUMN embedding BYTEA",
        """
        ALTER TABLE kb_chunks ADD COLUMN tsv tsvector GENERATED ALWAYS AS
          (setweight(to_tsvector('english', heading_text), 'B') || setweight(to_tsvector('english', text), 'A')) STORED
        """,
        "CREATE INDEX kb_chunks_tsv ON kb_chunks USING GIN (tsv)",
    ])
}

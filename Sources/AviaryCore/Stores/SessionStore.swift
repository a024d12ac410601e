/// Persistence of sessions and their per-agent transcripts.
public protocol SessionStore: Sendable {
    /// Inserts a session.
    func createSession(_ session: SessionRecord) async throws
    /// Loads a tenant's session; `nil` when absent or foreign.
    func loadSession(_ id: String, tenant: String) async throws -> SessionRecord?
    /// Saves a session's counters and timestamps.
    func updateSession(_ session: SessionRecord) async throws
    /// Adds one finished turn to a session's counters in one atomic update (concurrent turns of
    /// the same session never lose each other's usage).
    func addTurn(sessionID: String, tenant: String, usage: Usage) async throws
    /// Appends messages to one agent's transcript in a session.
    func appendTranscript(sessionID: String, tenant: String, agent: String, messages: [Message]) async throws
    /// One agent's transcript in a session, oldest first.
    func loadTranscript(sessionID: String, tenant: String, agent: String) async throws -> [Message]
    /// Names of the agents that have a transcript in a session.
    func transcriptAgents(sessionID: String, tenant: String) async throws -> [String]
    /// Erases a tenant's session and everything recorded for it: transcripts, its runs (child runs
    /// included), their journals and events. Returns false when there was no such session.
    func deleteSession(_ id: String, tenant: String) async throws -> Bool
}

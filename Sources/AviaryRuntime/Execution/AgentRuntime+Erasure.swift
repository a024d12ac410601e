import AviaryCore
import Foundation

/// A session's or run's data is gone from the store, but its files could not all be removed.
public struct ErasureIncomplete: Error, Sendable, CustomStringConvertible {
    /// The folder left behind.
    public let folder: String
    /// Why it could not be removed.
    public let reason: String

    public var description: String { "the stored data was erased, but the folder \(folder) could not be removed: \(reason)" }
}

extension AgentRuntime {
    /// Erases a session (the right to erasure): no run of it may start from now on, its executing
    /// runs are cancelled and awaited (so none writes after the deletion), then its runs, journals,
    /// events, transcripts and counters are deleted in one transaction, then its folder (the
    /// workspace) is removed. False when the tenant has no such session.
    ///
    /// - Throws: ``ErasureIncomplete`` when the rows are gone but the folder is not.
    public func eraseSession(_ id: String, tenant: String) async throws -> Bool {
        await activeRuns.stopForErasure(session: id)
        guard try await sessions.deleteSession(id, tenant: tenant) else { return false }
        if let folder = workspace(forSession: id, tenant: tenant)?.deletingLastPathComponent(),
           FileManager.default.fileExists(atPath: folder.path) {
            do { try FileManager.default.removeItem(at: folder) } catch {
                throw ErasureIncomplete(folder: folder.path, reason: "\(error.localizedDescription)")
            }
        }
        return true
    }

    /// Erases a run that belongs to no session (an API or OpenAI-facade run), with its child runs:
    /// no run of it may start from now on, executing ones are cancelled and awaited, then rows,
    /// journals and events are deleted. False when the tenant has no such run.
    public func eraseRun(_ id: RunID, tenant: String) async throws -> Bool {
        await activeRuns.stopForErasure(run: id)
        return try await runs.deleteRun(id, tenant: tenant)
    }
}

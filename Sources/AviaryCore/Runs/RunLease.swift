import Foundation

/// Who executes a run, and until when that claim holds without a renewal.
///
/// A run executes in at most one place: starting, resuming and recovering a run store the lease
/// atomically with the status `running`, the executing process renews its leases periodically,
/// and a run found `running` with an expired lease was left by a process that died — any live
/// process may claim it and resume it.
public struct RunLease: Sendable, Hashable, Codable {
    /// The executing process (``RunLeasing/owner``).
    public var owner: String
    /// When the lease ends unless renewed.
    public var expiresAt: Date

    /// Creates a lease.
    public init(owner: String, expiresAt: Date) {
        self.owner = owner
        self.expiresAt = expiresAt
    }
}

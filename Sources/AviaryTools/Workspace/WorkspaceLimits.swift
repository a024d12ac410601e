/// Size and time limits of the session workspaces' file tools (`workspace:` in `aviary.yaml`).
///
/// Every write path (`write`, `edit`) checks them before writing anything: a file's final size
/// against ``maxFileBytes``, and the session's and the tenant's totals after the write against
/// their quotas. The totals are measured by walking the folders before each write (bounded by the
/// file quotas), so concurrent writes to one session or tenant may overshoot by what each of them
/// writes; files put in a workspace by other means count too.
public struct WorkspaceLimits: Sendable, Hashable {
    /// Largest file a tool may write or produce, in bytes. Default 10 MB (10,000,000).
    public var maxFileBytes: Int
    /// Most bytes in one session's workspace. Default 100 MB (100,000,000).
    public var sessionMaxBytes: Int
    /// Most files in one session's workspace. Default 10,000.
    public var sessionMaxFiles: Int
    /// Most bytes in all of one tenant's session workspaces together. Default 1 GB (1,000,000,000).
    public var tenantMaxBytes: Int
    /// Most files in all of one tenant's session workspaces together. Default 100,000.
    public var tenantMaxFiles: Int
    /// Longest time one `find` or `grep` call may search before it stops with an error. Default 20 s.
    public var searchTimeLimit: Duration

    /// Creates limits; every field has a default.
    public init(maxFileBytes: Int = 10_000_000, sessionMaxBytes: Int = 100_000_000, sessionMaxFiles: Int = 10_000,
                tenantMaxBytes: Int = 1_000_000_000, tenantMaxFiles: Int = 100_000, searchTimeLimit: Duration = .seconds(20)) {
        self.maxFileBytes = maxFileBytes
        self.sessionMaxBytes = sessionMaxBytes
        self.sessionMaxFiles = sessionMaxFiles
        self.tenantMaxBytes = tenantMaxBytes
        self.tenantMaxFiles = tenantMaxFiles
        self.searchTimeLimit = searchTimeLimit
    }
}

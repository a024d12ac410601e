import AviaryCore
import AviaryTools

/// `workspace:` in `aviary.yaml`: the file size limit, the workspace quotas and the search time of the file tools
/// (``WorkspaceLimits``).
///
/// ```yaml
/// workspace:
///   max_file_bytes: 10000000        # largest file write/edit may produce (10 MB)
///   session_max_bytes: 100000000    # all files of one session (100 MB)
///   session_max_files: 10000
///   tenant_max_bytes: 1000000000    # all sessions of one tenant (1 GB)
///   tenant_max_files: 100000
///   search_time_limit_seconds: 20   # longest find or grep call
/// ```
enum WorkspaceFileSettings {
    /// The keys of `workspace:`.
    static let keys: Set<String> = ["max_file_bytes", "session_max_bytes", "session_max_files", "tenant_max_bytes", "tenant_max_files",
                                    "search_time_limit_seconds"]

    /// Applies `workspace:` to `limits`; unknown keys and values that are not whole numbers of at
    /// least 1 fail with the key's name.
    static func apply(_ object: [String: JSONValue], to limits: inout WorkspaceLimits) throws {
        try SettingsKeys.rejectUnknown(object, keys, "workspace")
        if let v = try SettingsKeys.count(object["max_file_bytes"], "workspace.max_file_bytes", in: 1...1_000_000_000_000_000) { limits.maxFileBytes = v }
        if let v = try SettingsKeys.count(object["session_max_bytes"], "workspace.session_max_bytes", in: 1...1_000_000_000_000_000) { limits.sessionMaxBytes = v }
        if let v = try SettingsKeys.count(object["session_max_files"], "workspace.session_max_files", in: 1...1_000_000_000_000_000) { limits.sessionMaxFiles = v }
        if let v = try SettingsKeys.count(object["tenant_max_bytes"], "workspace.tenant_max_bytes", in: 1...1_000_000_000_000_000) { limits.tenantMaxBytes = v }
        if let v = try SettingsKeys.count(object["tenant_max_files"], "workspace.tenant_max_files", in: 1...1_000_000_000_000_000) { limits.tenantMaxFiles = v }
        if let v = try SettingsKeys.seconds(object["search_time_limit_seconds"], "workspace.search_time_limit_seconds", in: 0.001...86_400) { limits.searchTimeLimit = v }
    }
}

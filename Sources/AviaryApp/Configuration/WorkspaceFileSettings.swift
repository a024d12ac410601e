import AviaryCore
import AviaryTools

/// `workspace:` in `aviary.yaml`: the file size limit and the workspace quotas of the file tools
/// (``WorkspaceLimits``).
///
/// ```yaml
/// workspace:
///   max_file_bytes: 10000000        # largest file write/edit may produce (10 MB)
///   session_max_bytes: 100000000    # all files of one session (100 MB)
///   session_max_files: 10000
///   tenant_max_bytes: 1000000000    # all sessions of one tenant (1 GB)
///   tenant_max_files: 100000
/// ```
enum WorkspaceFileSettings {
    /// The keys of `workspace:`.
    static let keys: Set<String> = ["max_file_bytes", "session_max_bytes", "session_max_files", "tenant_max_bytes", "tenant_max_files"]

    /// Applies `workspace:` to `limits`; unknown keys and values that are not whole numbers of at
    /// least 1 fail with the key's name.
    static func apply(_ object: [String: JSONValue], to limits: inout WorkspaceLimits) throws {
        try SettingsKeys.rejectUnknown(object, keys, "workspace")
        if let v = try count(object, "max_file_bytes") { limits.maxFileBytes = v }
        if let v = try count(object, "session_max_bytes") { limits.sessionMaxBytes = v }
        if let v = try count(object, "session_max_files") { limits.sessionMaxFiles = v }
        if let v = try count(object, "tenant_max_bytes") { limits.tenantMaxBytes = v }
        if let v = try count(object, "tenant_max_files") { limits.tenantMaxFiles = v }
    }

    private static func count(_ object: [String: JSONValue], _ key: String) throws -> Int? {
        switch object[key] {
        case nil, .some(.null): return nil
        case .some(.number(let n)) where n >= 1 && n <= 1e15 && n.rounded() == n: return Int(n)
        case .some(let other):
            let got = other.numberValue != nil ? other.jsonString : other.typeName
            throw ConfigurationError("aviary.yaml: workspace.\(key): expected a whole number from 1 to 1000000000000000, got \(got)")
        }
    }
}

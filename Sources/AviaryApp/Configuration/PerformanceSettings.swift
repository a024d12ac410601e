import AviaryCore

/// Switches for the optimisations that reach below the libraries Aviary builds on, so each can be
/// ruled out when diagnosing a problem (`performance:` in `aviary.yaml`, `AVIARY_COALESCE_*`).
/// The third such switch, the concurrency executor, is `AVIARY_EXECUTOR` (read by the `aviary`
/// executable before anything else runs).
public struct PerformanceSettings: Sendable, Hashable {
    /// SQLite: write each WAL commit with one system call (the `aviary-wal` VFS) instead of one
    /// per page (`performance.coalesce_wal_writes`, `AVIARY_COALESCE_WAL_WRITES`). Default `true`.
    public var coalescesWALWrites: Bool
    /// Model providers: send a request's head and body to the socket in one write
    /// (`CoalescingFlushHandler`, installed through AsyncHTTPClient's connection debug
    /// initializer) instead of one write per flush (`performance.coalesce_request_writes`,
    /// `AVIARY_COALESCE_REQUEST_WRITES`). Default `true`.
    public var coalescesRequestWrites: Bool

    /// Creates settings; every optimisation is on by default.
    public init(coalescesWALWrites: Bool = true, coalescesRequestWrites: Bool = true) {
        self.coalescesWALWrites = coalescesWALWrites
        self.coalescesRequestWrites = coalescesRequestWrites
    }

    /// The keys of `performance:` in `aviary.yaml`.
    static let fileKeys: Set<String> = ["coalesce_wal_writes", "coalesce_request_writes"]

    /// Applies `performance:` from `aviary.yaml`.
    mutating func apply(file object: [String: JSONValue]) throws {
        try SettingsKeys.rejectUnknown(object, Self.fileKeys, "performance")
        if let v = try SettingsKeys.bool(object["coalesce_wal_writes"], "performance.coalesce_wal_writes") { coalescesWALWrites = v }
        if let v = try SettingsKeys.bool(object["coalesce_request_writes"], "performance.coalesce_request_writes") { coalescesRequestWrites = v }
    }

    /// Applies `AVIARY_COALESCE_WAL_WRITES` and `AVIARY_COALESCE_REQUEST_WRITES` (`true`/`false`, `1`/`0`).
    mutating func apply(environment: [String: String]) throws {
        if let v = try SettingsKeys.flag(environment["AVIARY_COALESCE_WAL_WRITES"], "AVIARY_COALESCE_WAL_WRITES") { coalescesWALWrites = v }
        if let v = try SettingsKeys.flag(environment["AVIARY_COALESCE_REQUEST_WRITES"], "AVIARY_COALESCE_REQUEST_WRITES") { coalescesRequestWrites = v }
    }
}

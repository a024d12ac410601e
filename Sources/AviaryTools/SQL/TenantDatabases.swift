import AviaryCore
import Foundation

/// The read-only connections of one `sql` tool: one file, or — when its `database` path contains
/// `{tenant}` — one file per tenant, the placeholder replaced by the calling run's tenant.
actor TenantDatabases {
    /// Connections kept open at most for a per-tenant tool; beyond that the oldest is closed.
    static let openLimit = 64
    /// The placeholder in a `database` path.
    static let placeholder = "{tenant}"

    private let template: String
    private var open: [String: ReadOnlySQLiteDatabase] = [:]
    private var order: [String] = []

    /// Connections for `template`, an absolute, standardized path (with the placeholder or not).
    init(template: String) { self.template = template }

    /// True when each tenant has its own file.
    nonisolated var isPerTenant: Bool { template.contains(Self.placeholder) }

    /// The file of a tenant. A tenant name that could leave its folder is refused: only letters,
    /// digits, `_`, `-` and `.` (not `.` or `..` alone), at most 128 characters.
    nonisolated func path(forTenant tenant: String) throws(ToolError) -> String {
        guard isPerTenant else { return template }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.".unicodeScalars)
        guard !tenant.isEmpty, tenant.count <= 128, tenant != ".", tenant != "..", !tenant.contains(".."),
              tenant.unicodeScalars.allSatisfy(allowed.contains) else {
            throw ToolError.forbidden("this tool keeps a database per tenant, and the tenant name '\(tenant)' cannot name a file")
        }
        return template.replacingOccurrences(of: Self.placeholder, with: tenant)
    }

    /// The connection to a tenant's file, opened on first use.
    func database(forTenant tenant: String) throws(ToolError) -> ReadOnlySQLiteDatabase {
        let path = try path(forTenant: tenant)
        if let existing = open[path] { return existing }
        if open.count >= Self.openLimit, let oldest = order.first {
            order.removeFirst()
            if let closing = open.removeValue(forKey: oldest) { Task { await closing.close() } }
        }
        let database = ReadOnlySQLiteDatabase(path: path)
        open[path] = database
        order.append(path)
        return database
    }

    /// Closes every connection (they reopen on the next call).
    func closeAll() async {
        for database in open.values { await database.close() }
        open.removeAll()
        order.removeAll()
    }
}

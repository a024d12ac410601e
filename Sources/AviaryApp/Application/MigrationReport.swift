/// What `aviary migrate` did.
public struct MigrationReport: Sendable, Hashable {
    /// The database, safe to print (no password).
    public var database: String
    /// Migrations applied now, in order (empty when the schema was up to date).
    public var applied: [String]
    /// The latest migration, which the schema is now at.
    public var current: String
}

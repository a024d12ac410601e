import Foundation

/// A conversation that spans several turns (seed 000's session).
public struct SessionRecord: Sendable, Hashable, Codable {
    /// Session id.
    public var id: String
    /// Owning tenant.
    public var tenant: String
    /// The end user the session belongs to.
    public var userID: String
    /// The principal that created the session (its owner for access checks). Default `local`.
    public var principal: String
    /// Token and cost counters over all turns.
    public var usage: Usage
    /// Number of completed turns.
    public var turns: Int
    /// Created at.
    public var createdAt: Date
    /// Last updated at.
    public var updatedAt: Date

    /// Creates a session record.
    public init(id: String = "ses_" + RandomID.ordered(), tenant: String, userID: String, principal: String = "local",
                usage: Usage = Usage(), turns: Int = 0, createdAt: Date = Date(), updatedAt: Date = Date()) {
        self.id = id
        self.tenant = tenant
        self.userID = userID
        self.principal = principal
        self.usage = usage
        self.turns = turns
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// What a principal may do. Ordered from most to least privileged for administration.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    /// Everything in the tenant, including other principals' runs and keys.
    case admin
    /// Builds agents: drafts, debug streams, own runs.
    case developer
    /// Operates runs: reads, resumes and cancels runs it owns.
    case `operator`
    /// An end user: chats and reads its own sessions and runs.
    case user
    /// A machine client: like `user`, for service-to-service calls.
    case service

    /// True for roles that may see drafts and debug streams.
    public var isBuilder: Bool { self == .admin || self == .developer }
}

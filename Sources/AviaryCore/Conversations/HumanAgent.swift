import Foundation

/// A person who takes conversations from the queue.
public struct HumanAgent: Sendable, Hashable {
    /// Whether a human agent takes conversations.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Takes new conversations.
        case online
        /// Keeps what it has, takes nothing new.
        case away
        /// Keeps what it has, takes nothing new.
        case offline
    }

    /// The agent's id.
    public var id: String
    /// The tenant it works for.
    public var tenant: String
    /// Its name.
    public var name: String
    /// Its email, unique in the tenant.
    public var email: String
    /// Whether it takes conversations.
    public var status: Status
    /// What it can handle (`returns`, `technical`, `general`, …).
    public var skills: [String]
    /// The most conversations it holds at once.
    public var maxCapacity: Int
    /// The conversations it holds now.
    public var currentLoad: Int
    /// The API principal that acts as this agent (`key:…`, `jwt:…`); `nil`: only admins act for it.
    public var principal: String?
    /// When it was last given a conversation (ties in load go to the longest idle).
    public var lastAssignedAt: Date?
    /// When it was created.
    public var createdAt: Date

    /// Creates an agent.
    public init(id: String, tenant: String, name: String, email: String, status: Status = .offline, skills: [String] = ["general"],
                maxCapacity: Int = 5, currentLoad: Int = 0, principal: String? = nil, lastAssignedAt: Date? = nil, createdAt: Date) {
        self.id = id
        self.tenant = tenant
        self.name = name
        self.email = email
        self.status = status
        self.skills = skills
        self.maxCapacity = maxCapacity
        self.currentLoad = currentLoad
        self.principal = principal
        self.lastAssignedAt = lastAssignedAt
        self.createdAt = createdAt
    }

    /// True when it has every one of `skills`.
    public func has(_ skills: [String]) -> Bool { skills.allSatisfy(self.skills.contains) }

    /// Why it cannot take a conversation needing `skills` now; `nil` when it can.
    public func refusal(for skills: [String]) -> String? {
        if status != .online { return "\(name) is \(status.rawValue)" }
        if currentLoad >= maxCapacity { return "\(name) is at capacity (\(currentLoad) of \(maxCapacity))" }
        let missing = skills.filter { !self.skills.contains($0) }
        if !missing.isEmpty { return "\(name) lacks the skill\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))" }
        return nil
    }
}

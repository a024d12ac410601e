import Foundation

/// Chooses who takes a conversation and in which order the queue is served — the rules, without
/// the storage. The store applies a choice with a conditional write, so a choice made on a
/// stale view is refused, not applied twice.
public enum HumanAgentPicker {
    /// The online agent with every required skill and room left that has the lowest load; ties
    /// go to the longest idle (never assigned first), then the oldest agent. `nil`: nobody can take it.
    public static func pick(from agents: [HumanAgent], skills: [String]) -> HumanAgent? {
        agents.filter { $0.refusal(for: skills) == nil }.min { a, b in
            if a.currentLoad != b.currentLoad { return a.currentLoad < b.currentLoad }
            switch (a.lastAssignedAt, b.lastAssignedAt) {
            case (nil, .some): return true
            case (.some, nil): return false
            case let (x?, y?) where x != y: return x < y
            default: return (a.createdAt, a.id) < (b.createdAt, b.id)
            }
        }
    }

    /// The queue's order: higher priority first, then the longest waiting.
    public static func queueOrder(_ a: ConversationRecord, _ b: ConversationRecord) -> Bool {
        if a.priority != b.priority { return a.priority > b.priority }
        let x = a.pendingSince?.timeIntervalSince1970 ?? 0, y = b.pendingSince?.timeIntervalSince1970 ?? 0
        return x != y ? x < y : a.id < b.id
    }
}

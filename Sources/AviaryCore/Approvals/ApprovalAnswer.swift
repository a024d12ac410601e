import Foundation

/// A person's decision on an ``ApprovalRequest``.
public struct ApprovalAnswer: Sendable, Hashable {
    /// The decision.
    public enum Decision: String, Sendable, Hashable {
        case approved, rejected
        /// Nobody decided before the request's expiry.
        case expired
    }

    /// The decision.
    public var decision: Decision
    /// Who decided (their principal).
    public var by: String
    /// Why, as they said.
    public var reason: String?
    /// When.
    public var answeredAt: Date
    /// The answer's value: what an input request was answered with (or its default answer when
    /// it expired); `nil` for approvals.
    public var value: JSONValue?

    /// Creates an answer.
    public init(decision: Decision, by: String, reason: String?, answeredAt: Date, value: JSONValue? = nil) {
        self.decision = decision
        self.by = by
        self.reason = reason
        self.answeredAt = answeredAt
        self.value = value
    }

    /// The wire and journal form.
    public var json: JSONValue {
        var object: [String: JSONValue] = ["decision": .string(decision.rawValue), "by": .string(by),
                                           "answered_at": .string(answeredAt.formatted(.iso8601))]
        if let reason { object["reason"] = .string(reason) }
        if let value { object["value"] = value }
        return .object(object)
    }

    /// Reads ``json``; nil when a field is missing.
    public init?(json: JSONValue) {
        guard let raw = json["decision"]?.stringValue, let decision = Decision(rawValue: raw), let by = json["by"]?.stringValue,
              let at = json["answered_at"]?.stringValue, let answeredAt = try? Date(at, strategy: .iso8601)
        else { return nil }
        self.init(decision: decision, by: by, reason: json["reason"]?.stringValue, answeredAt: answeredAt, value: json["value"])
    }
}

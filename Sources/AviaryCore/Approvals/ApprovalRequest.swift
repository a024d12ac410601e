import Foundation

/// A tool call waiting for a person's decision, as its journal step stores it
/// (`turn/N/tool/<call id>/approval`, state `waiting`).
public struct ApprovalRequest: Sendable, Hashable {
    /// The format of the stored step; a resume refuses a format it does not know.
    public static let format = 1

    /// The tool to call.
    public var tool: String
    /// The model's call id.
    public var callID: String
    /// The call's full arguments.
    public var arguments: JSONValue
    /// What the person decides about, in a sentence.
    public var summary: String
    /// Who may decide (``Approver``).
    public var approvers: [Approver]
    /// When the run started waiting.
    public var requestedAt: Date
    /// When the request expires unanswered (`nil`: never).
    public var expiresAt: Date?
    /// What expiry does to the run.
    public var onExpiry: ApprovalExpiry

    /// Creates a request.
    public init(tool: String, callID: String, arguments: JSONValue, summary: String, approvers: [Approver], requestedAt: Date,
                expiresAt: Date? = nil, onExpiry: ApprovalExpiry = .reject) {
        self.tool = tool
        self.callID = callID
        self.arguments = arguments
        self.summary = summary
        self.approvers = approvers
        self.requestedAt = requestedAt
        self.expiresAt = expiresAt
        self.onExpiry = onExpiry
    }

    /// The wire and journal form (`kind: approval`).
    public var json: JSONValue {
        var object: [String: JSONValue] = [
            "kind": "approval", "tool": .string(tool), "call_id": .string(callID), "arguments": arguments, "summary": .string(summary),
            "approvers": .array(approvers.map { .string($0.description) }), "requested_at": .string(requestedAt.formatted(.iso8601))]
        if let expiresAt {
            object["expires_at"] = .string(expiresAt.formatted(.iso8601))
            object["on_expiry"] = .string(onExpiry.rawValue)
        }
        return .object(object)
    }

    /// Reads ``json``; nil when a field is missing.
    public init?(json: JSONValue) {
        guard let tool = json["tool"]?.stringValue, let callID = json["call_id"]?.stringValue,
              let summary = json["summary"]?.stringValue, let approvers = json["approvers"]?.arrayValue,
              let at = json["requested_at"]?.stringValue, let requestedAt = try? Date(at, strategy: .iso8601)
        else { return nil }
        self.init(tool: tool, callID: callID, arguments: json["arguments"] ?? .null, summary: summary,
                  approvers: approvers.compactMap { $0.stringValue.flatMap(Approver.init) }, requestedAt: requestedAt,
                  expiresAt: json["expires_at"]?.stringValue.flatMap { try? Date($0, strategy: .iso8601) },
                  onExpiry: json["on_expiry"]?.stringValue.flatMap(ApprovalExpiry.init(rawValue:)) ?? .reject)
    }

    /// Whether a caller may decide this request on a run started by `owner`: `owner` is an
    /// approver and the caller is that principal, or the caller's role is one of the approvers.
    public func allows(principal: String, role: Role, owner: String) -> Bool {
        approvers.contains { approver in
            switch approver {
            case .owner: principal == owner
            case .role(let r): role == r
            }
        }
    }

    /// The output of the request's journal step: the request (the step is `waiting`), or the
    /// request with its answer (the step is completed), with the ``format``.
    public func journalOutput(answer: ApprovalAnswer? = nil) -> JSONValue {
        var object: [String: JSONValue] = ["format": .number(Double(Self.format)), "request": json]
        if let answer { object["answer"] = answer.json }
        return .object(object)
    }
}

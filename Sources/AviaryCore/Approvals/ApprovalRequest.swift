import Foundation

/// What a waiting step asks a person, as its journal step stores it (state `waiting`): the
/// approval of a tool call (`turn/N/tool/<call id>/approval`), or, from a program's
/// `interrupt`, an approval of any pending action or an input that answers a question.
public struct ApprovalRequest: Sendable, Hashable {
    /// The format of the stored step; a resume refuses a format it does not know.
    public static let format = 1

    /// What kind of answer the request takes.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Approve or reject the pending action.
        case approval
        /// Answer with a value that matches ``ApprovalRequest/answerSchema`` (or reject).
        case input
    }

    /// What kind of answer it takes.
    public var kind: Kind
    /// The pending action: the tool to call (empty when the request names no tool).
    public var tool: String
    /// The model's call id (empty when the request is not a tool call's).
    public var callID: String
    /// The pending action's full arguments.
    public var arguments: JSONValue
    /// What the person decides about, in a sentence.
    public var summary: String
    /// The JSON Schema an input answer must match (input requests; `nil`: any JSON value).
    public var answerSchema: JSONValue?
    /// The answer taken when the request expires with ``ApprovalExpiry/defaultAnswer``.
    public var defaultAnswer: JSONValue?
    /// Who may decide (``Approver``).
    public var approvers: [Approver]
    /// When the run started waiting.
    public var requestedAt: Date
    /// When the request expires unanswered (`nil`: never).
    public var expiresAt: Date?
    /// What expiry does to the run.
    public var onExpiry: ApprovalExpiry

    /// Creates a request.
    public init(kind: Kind = .approval, tool: String = "", callID: String = "", arguments: JSONValue = .null, summary: String,
                answerSchema: JSONValue? = nil, defaultAnswer: JSONValue? = nil, approvers: [Approver] = Approver.defaults,
                requestedAt: Date = Date(), expiresAt: Date? = nil, onExpiry: ApprovalExpiry = .reject) {
        self.kind = kind
        self.tool = tool
        self.callID = callID
        self.arguments = arguments
        self.summary = summary
        self.answerSchema = answerSchema
        self.defaultAnswer = defaultAnswer
        self.approvers = approvers
        self.requestedAt = requestedAt
        self.expiresAt = expiresAt
        self.onExpiry = onExpiry
    }

    /// The wire and journal form. A tool call's approval keeps the fields it has always had;
    /// the others appear only when set.
    public var json: JSONValue {
        var object: [String: JSONValue] = [
            "kind": .string(kind.rawValue), "tool": .string(tool), "call_id": .string(callID), "arguments": arguments,
            "summary": .string(summary), "approvers": .array(approvers.map { .string($0.description) }),
            "requested_at": .string(requestedAt.formatted(.iso8601))]
        if let answerSchema { object["answer_schema"] = answerSchema }
        if let defaultAnswer { object["default_answer"] = defaultAnswer }
        if let expiresAt {
            object["expires_at"] = .string(expiresAt.formatted(.iso8601))
            object["on_expiry"] = .string(onExpiry.rawValue)
        }
        return .object(object)
    }

    /// Reads ``json``; nil when a field is missing or the kind is unknown.
    public init?(json: JSONValue) {
        guard let summary = json["summary"]?.stringValue, let approvers = json["approvers"]?.arrayValue,
              let at = json["requested_at"]?.stringValue, let requestedAt = try? Date(at, strategy: .iso8601),
              let kind = Kind(rawValue: json["kind"]?.stringValue ?? Kind.approval.rawValue)
        else { return nil }
        self.init(kind: kind, tool: json["tool"]?.stringValue ?? "", callID: json["call_id"]?.stringValue ?? "",
                  arguments: json["arguments"] ?? .null, summary: summary, answerSchema: json["answer_schema"],
                  defaultAnswer: json["default_answer"],
                  approvers: approvers.compactMap { $0.stringValue.flatMap(Approver.init) }, requestedAt: requestedAt,
                  expiresAt: json["expires_at"]?.stringValue.flatMap { try? Date($0, strategy: .iso8601) },
                  onExpiry: json["on_expiry"]?.stringValue.flatMap(ApprovalExpiry.init(rawValue:)) ?? .reject)
    }

    /// What the request is, for messages: `the approval of 'refund'`, `the input 'Which plan?'`.
    public var subject: String {
        switch kind {
        case .approval where !tool.isEmpty: "the approval of '\(tool)'"
        case .approval: "the approval '\(summary)'"
        case .input: "the input '\(summary)'"
        }
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

    /// Why `answer` cannot answer this request, or nil when it can: an approval takes no value;
    /// an approved input takes a value that matches ``answerSchema``.
    public func problem(with decision: ApprovalAnswer.Decision, value: JSONValue?) -> String? {
        switch (kind, decision) {
        case (.approval, _):
            return value == nil ? nil : "this request asks for an approval, which takes no answer value; approve or reject it"
        case (.input, .approved):
            guard let value else { return "this request asks for input: give an answer value" }
            guard let answerSchema else { return nil }
            guard let schema = try? JSONSchema(answerSchema) else { return "the request's answer schema cannot be compiled" }
            let violations = schema.validate(value)
            return violations.isEmpty ? nil : "the answer does not match the request's schema: "
                + violations.prefix(5).map(\.description).joined(separator: "; ")
        case (.input, _):
            return value == nil ? nil : "a rejection takes no answer value"
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

import Foundation

/// When a tool call of an agent needs a person's approval before it runs, and who may give it
/// (`approvals:` in an agent's YAML).
///
/// ```yaml
/// approvals:
///   refund_payment: always
///   send_email: {when: "amount > `100`", approvers: [admin]}
///   delete_file: never          # even though the tool's policy says risk: dangerous
/// ```
///
/// A tool whose policy has `risk: dangerous` needs approval unless the agent says `never`.
public struct ApprovalRule: Sendable, Hashable {
    /// When approval is needed.
    public enum Trigger: Sendable, Hashable {
        /// Every call.
        case always
        /// No call.
        case never
        /// Calls whose arguments satisfy the condition.
        case when(ApprovalCondition)
    }

    /// When approval is needed.
    public var trigger: Trigger
    /// Who may decide: ``Approver/owner`` (the principal that started the run) and roles.
    /// Default: the owner and admins.
    public var approvers: [Approver]
    /// How long a request waits for a decision before it expires (`nil`: it waits forever).
    public var expiresIn: TimeInterval?
    /// What an expired request does to the run.
    public var onExpiry: ApprovalExpiry

    /// Creates a rule.
    public init(_ trigger: Trigger, approvers: [Approver] = Approver.defaults, expiresIn: TimeInterval? = nil,
                onExpiry: ApprovalExpiry = .reject) {
        self.trigger = trigger
        self.approvers = approvers
        self.expiresIn = expiresIn
        self.onExpiry = onExpiry
    }

    /// Whether a call with `arguments` needs approval under this rule.
    public func applies(to arguments: JSONValue) -> Bool {
        switch trigger {
        case .always: return true
        case .never: return false
        case .when(let condition): return condition.matches(arguments)
        }
    }
}

/// Who may decide an approval.
public enum Approver: Sendable, Hashable, CustomStringConvertible {
    /// The principal that started the run.
    case owner
    /// Any caller with this role.
    case role(Role)

    /// The owner and admins.
    public static let defaults: [Approver] = [.owner, .role(.admin)]

    /// Parses `owner` or a role name.
    public init?(_ name: String) {
        if name == "owner" { self = .owner } else if let role = Role(rawValue: name) { self = .role(role) } else { return nil }
    }

    public var description: String {
        switch self {
        case .owner: "owner"
        case .role(let role): role.rawValue
        }
    }
}

/// What an approval request that expired unanswered does.
public enum ApprovalExpiry: String, Sendable, Hashable, CaseIterable {
    /// The call is not run; the model is told the request expired (like a rejection).
    case reject
    /// The run fails.
    case fail
    /// The request's default answer is taken (input requests that name one; see
    /// ``ApprovalRequest/defaultAnswer``).
    case defaultAnswer = "default"
}

import Foundation

/// A condition over a tool call's arguments that decides whether the call needs approval: a
/// JMESPath expression (the whole specification, ``JMESPath``) evaluated over the arguments, true
/// when its result is truthy (not `false`, `null`, an empty string, array or object).
///
/// ```text
/// amount > `100`
/// currency == 'EUR' && amount >= `1000`
/// customer.tier != 'gold' || refund.full
/// length(recipients) > `10` || contains(recipients[*].domain, 'competitor.com')
/// ```
///
/// A condition that fails while it is evaluated (a function given the wrong type) needs
/// approval: when in doubt, a person decides.
public struct ApprovalCondition: Sendable, Hashable, CustomStringConvertible {
    /// The compiled expression.
    public let expression: JMESPath

    /// The condition as written.
    public var description: String { expression.expression }

    /// Compiles a condition; the error says what is wrong and where.
    public init(_ text: String) throws(ApprovalConditionError) {
        do { expression = try JMESPath(text) } catch {
            throw ApprovalConditionError("not a JMESPath expression: \(error)")
        }
    }

    /// Whether the arguments meet the condition (an evaluation error counts as met).
    public func matches(_ arguments: JSONValue) -> Bool {
        do { return try expression.search(arguments).isJMESPathTruthy } catch { return true }
    }

    public static func == (a: ApprovalCondition, b: ApprovalCondition) -> Bool { a.description == b.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }
}

/// A condition that does not compile.
public struct ApprovalConditionError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let description: String
    init(_ description: String) { self.description = description }
}

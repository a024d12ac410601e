/// One reason an instance failed validation.
public struct JSONSchemaViolation: Sendable, Equatable, CustomStringConvertible {
    /// JSON Pointer (RFC 6901) to the offending value in the instance, e.g. `/items/0/name`;
    /// the empty string for the instance root.
    public let instancePath: String
    /// The schema keyword that failed, e.g. `type`, `required`, `additionalProperties`.
    public let keyword: String
    /// Human-readable explanation, prefixed with the instance path unless it is the root,
    /// e.g. `/customer_id: expected string, got integer`.
    public let message: String

    /// Creates a violation.
    public init(instancePath: String, keyword: String, message: String) {
        self.instancePath = instancePath
        self.keyword = keyword
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

import AviaryCore

/// Typed access to a tool's arguments object, reporting mistakes as ``ToolError/invalidArguments(_:)``.
///
/// The runtime validates arguments against the tool's schema before calling it; these checks are a
/// second line of defence so a tool never misbehaves when called directly.
struct ToolArguments: Sendable {
    /// The arguments object's members.
    let members: [String: JSONValue]

    /// Wraps the arguments a tool received; anything but an object (or `null`) is rejected.
    init(_ value: JSONValue) throws(ToolError) {
        switch value {
        case .object(let members): self.members = members
        case .null: self.members = [:]
        default: throw ToolError.invalidArguments("arguments must be a JSON object, got \(value.typeName)")
        }
    }

    /// A required string argument.
    func string(_ key: String) throws(ToolError) -> String {
        guard let value = try optionalString(key) else {
            throw ToolError.invalidArguments("missing required argument '\(key)'")
        }
        return value
    }

    /// An optional string argument (`null` counts as missing).
    func optionalString(_ key: String) throws(ToolError) -> String? {
        switch members[key] {
        case nil, .null?: return nil
        case .string(let s)?: return s
        case let other?: throw ToolError.invalidArguments("argument '\(key)' must be a string, got \(other.typeName)")
        }
    }

    /// An optional integer argument, checked against an inclusive lower bound.
    func optionalInt(_ key: String, minimum: Int) throws(ToolError) -> Int? {
        switch members[key] {
        case nil, .null?: return nil
        case let value?:
            guard let int = value.intValue else {
                throw ToolError.invalidArguments("argument '\(key)' must be an integer, got \(value.typeName)")
            }
            guard int >= minimum else {
                throw ToolError.invalidArguments("argument '\(key)' must be at least \(minimum), got \(int)")
            }
            return int
        }
    }

    /// An optional boolean argument.
    func optionalBool(_ key: String) throws(ToolError) -> Bool? {
        switch members[key] {
        case nil, .null?: return nil
        case .bool(let b)?: return b
        case let other?: throw ToolError.invalidArguments("argument '\(key)' must be a boolean, got \(other.typeName)")
        }
    }
}

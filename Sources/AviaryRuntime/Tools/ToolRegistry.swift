import AviaryCore
import Foundation

/// All tools a project has, by name. Agents select from it with names and globs (`files.*`).
public struct ToolRegistry: Sendable {
    private var tools: [String: any Tool] = [:]
    /// Built-in tools this configuration leaves out, by name (``UnavailableTool``).
    public private(set) var unavailable: [String: UnavailableTool] = [:]

    /// Creates a registry from tools; later duplicates replace earlier ones.
    public init(_ tools: [any Tool] = []) {
        for tool in tools { self.tools[tool.spec.name] = tool }
    }

    /// Adds or replaces a tool.
    public mutating func register(_ tool: any Tool) {
        tools[tool.spec.name] = tool
        unavailable[tool.spec.name] = nil
    }

    /// Records a built-in tool that is left out and what it needs (ignored when a tool of that name is registered).
    public mutating func markUnavailable(_ entry: UnavailableTool) {
        if tools[entry.name] == nil { unavailable[entry.name] = entry }
    }

    /// The tool with this exact name.
    public func tool(named name: String) -> (any Tool)? { tools[name] }

    /// Every tool name, sorted.
    public var names: [String] { tools.keys.sorted() }

    /// Tools matching a pattern: an exact name, or a glob with `*` (`files.*`, `mcp.github.*`).
    public func matching(_ pattern: String) -> [any Tool] {
        if let exact = tools[pattern] { return [exact] }
        guard Glob.isPattern(pattern) else { return [] }
        return names.filter { Glob.matches(pattern, $0) }.compactMap { tools[$0] }
    }
}

/// Minimal `*` glob matching for tool names (`shopify.*`).
public enum Glob {
    /// Whether `name` holds a `*` (a byte scan: `String.contains("*")` goes through Foundation's
    /// `range(of:)` here, which bridges to NSString — measurable when it runs for every run).
    public static func isPattern(_ name: String) -> Bool {
        name.utf8.contains(UInt8(ascii: "*"))
    }

    /// Whether `name` matches `pattern` (`*` matches any run of characters).
    public static func matches(_ pattern: String, _ name: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        var rest = Substring(name)
        for (i, part) in parts.enumerated() {
            if i == 0 {
                guard rest.hasPrefix(part) else { return false }
                rest = rest.dropFirst(part.count)
            } else if i == parts.count - 1 {
                return part.isEmpty || rest.hasSuffix(part)
            } else if let r = rest.range(of: part) {
                rest = rest[r.upperBound...]
            } else {
                return false
            }
        }
        return rest.isEmpty
    }
}

import AviaryCore
import Foundation
import Yams

/// YAML text → ``JSONValue`` (agent and tool definitions, `aviary.yaml`).
public enum YAMLValue {
    /// Parses YAML; throws a message with the line when malformed.
    public static func parse(_ text: String) throws -> JSONValue {
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: text)
        } catch let error as YamlError {
            throw YAMLSyntaxError(message: "\(error)".replacingOccurrences(of: "\n", with: " "))
        }
        return convert(loaded)
    }

    static func convert(_ value: Any?) -> JSONValue {
        switch value {
        case nil, is NSNull: return .null
        case let b as Bool: return .bool(b)
        case let i as Int: return .number(Double(i))
        case let d as Double: return .number(d)
        case let s as String: return .string(s)
        case let a as [Any]: return .array(a.map(convert))
        case let o as [String: Any]: return .object(o.mapValues(convert))
        case let o as [AnyHashable: Any]:
            return .object(Dictionary(o.map { ("\($0.key)", convert($0.value)) }, uniquingKeysWith: { a, _ in a }))
        case let d as Date: return .string(ISO8601DateFormatter().string(from: d))
        case let other?: return .string("\(other)")
        }
    }
}

/// Malformed YAML.
public struct YAMLSyntaxError: Error, Sendable, CustomStringConvertible {
    /// What the parser reported, with position.
    public let message: String
    public var description: String { message }
}

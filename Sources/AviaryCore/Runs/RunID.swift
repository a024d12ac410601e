import Foundation

/// Identifies a run (agent or workflow). Plain string, globally unique.
public struct RunID: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The raw id.
    public let rawValue: String

    /// Wraps an existing id.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// A new random id (`run_` + 26 lowercase base-32 characters).
    public static func random() -> RunID { RunID("run_" + RandomID.make()) }

    /// The deterministic id of a child run started by `stepKey` of this run (stable across resume).
    public func child(_ stepKey: String) -> RunID { RunID(rawValue + "." + stepKey.replacingOccurrences(of: "/", with: "-")) }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

/// Random identifiers from the system RNG.
public enum RandomID {
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)

    /// `length` random base-32 characters. Each draw from the system RNG (a `getrandom` call on
    /// Linux) yields 12 characters.
    public static func make(length: Int = 26) -> String {
        var rng = SystemRandomNumberGenerator()
        var characters: [UInt8] = []
        characters.reserveCapacity(length)
        var bits: UInt64 = 0
        var available = 0
        for _ in 0..<length {
            if available < 5 {
                bits = rng.next()
                available = 64
            }
            characters.append(alphabet[Int(bits & 31)])
            bits >>= 5
            available -= 5
        }
        return String(decoding: characters, as: UTF8.self)
    }
}

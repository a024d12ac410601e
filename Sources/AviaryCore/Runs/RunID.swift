import Foundation

/// Identifies a run (agent or workflow). Plain string, globally unique.
public struct RunID: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The raw id.
    public let rawValue: String

    /// Wraps an existing id.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// A new id: `run_` + 26 lowercase base-32 characters, time-ordered (``RandomID/ordered(at:)``)
    /// so that the store's indexes on run ids grow at their right edge instead of at random pages.
    public static func random() -> RunID { RunID("run_" + RandomID.ordered()) }

    /// The deterministic id of a child run started by `stepKey` of this run (stable across resume).
    public func child(_ stepKey: String) -> RunID {
        var bytes = Array(rawValue.utf8)
        bytes.reserveCapacity(bytes.count + 1 + stepKey.utf8.count)
        bytes.append(UInt8(ascii: "."))
        for byte in stepKey.utf8 { bytes.append(byte == UInt8(ascii: "/") ? UInt8(ascii: "-") : byte) }
        return RunID(String(decoding: bytes, as: UTF8.self))
    }

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
    /// Base 32 in byte order (digits sort before letters), for the time prefix.
    private static let sortable = Array("234567abcdefghijklmnopqrstuvwxyz".utf8)

    /// 26 characters that sort by creation time: 10 characters of milliseconds since 1970 in a
    /// byte-ordered base-32 alphabet (good until the year 36812), then 16 random characters
    /// (80 bits), like a ULID in lowercase.
    public static func ordered(at date: Date = Date()) -> String {
        var milliseconds = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        var prefix = [UInt8](repeating: 0, count: 10)
        for index in stride(from: 9, through: 0, by: -1) {
            prefix[index] = sortable[Int(milliseconds & 31)]
            milliseconds >>= 5
        }
        return String(decoding: prefix, as: UTF8.self) + make(length: 16)
    }

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

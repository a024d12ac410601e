import Foundation

/// Parses a key lifetime for `aviary keys create --expires-in`: a positive whole number with a
/// unit, `d` (days), `h` (hours), `m` (minutes) or `s` (seconds), such as `90d` or `12h`.
enum KeyLifetime {
    /// The lifetime in seconds; a configuration error naming the accepted forms otherwise.
    static func seconds(_ text: String) throws -> TimeInterval {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [Character: TimeInterval] = ["d": 86_400, "h": 3_600, "m": 60, "s": 1]
        guard let unit = trimmed.last, let scale = units[unit], let count = Int(trimmed.dropLast()), count > 0,
              count <= 36_500 * 86_400 / Int(scale) else {
            throw ConfigurationError("--expires-in must be a positive number with a unit d, h, m or s (like 90d or 12h), up to 100 years; got '\(text)'")
        }
        return TimeInterval(count) * scale
    }
}

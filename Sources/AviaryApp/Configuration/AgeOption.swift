import Foundation

/// Parses a length of time written as a positive whole number with a unit, `d` (days), `h`
/// (hours), `m` (minutes) or `s` (seconds), such as `90d` or `12h`, up to 100 years: the command
/// line's `aviary keys create --expires-in` and `aviary runs prune --older-than`, and the periods
/// of `retention:` in `aviary.yaml`.
enum AgeOption {
    /// The length in seconds; a configuration error naming `option` and the accepted forms otherwise.
    static func seconds(_ text: String, option: String) throws -> TimeInterval {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [Character: TimeInterval] = ["d": 86_400, "h": 3_600, "m": 60, "s": 1]
        guard let unit = trimmed.last, let scale = units[unit], let count = Int(trimmed.dropLast()), count > 0,
              count <= 36_500 * 86_400 / Int(scale) else {
            throw ConfigurationError("\(option) must be a positive number with a unit d, h, m or s (like 90d or 12h), up to 100 years; got '\(text)'")
        }
        return TimeInterval(count) * scale
    }
}

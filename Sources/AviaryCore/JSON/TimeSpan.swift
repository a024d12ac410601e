import Foundation

/// A length of time written as a positive whole number with a unit — `d` (days), `h` (hours),
/// `m` (minutes) or `s` (seconds), such as `90d` or `12h` — up to 100 years. Used by command-line
/// options, `retention:` and approval expiry.
public enum TimeSpan {
    /// The length in seconds, or nil when `text` is not of that form.
    public static func seconds(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [Character: TimeInterval] = ["d": 86_400, "h": 3_600, "m": 60, "s": 1]
        guard let unit = trimmed.last, let scale = units[unit], let count = Int(trimmed.dropLast()), count > 0,
              count <= 36_500 * 86_400 / Int(scale) else { return nil }
        return TimeInterval(count) * scale
    }
}

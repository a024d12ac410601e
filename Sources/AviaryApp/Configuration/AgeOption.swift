import AviaryCore
import Foundation

/// Parses a length of time (``TimeSpan``: `90d`, `12h`, `90m`, `3600s`, up to 100 years) for the
/// command line's `aviary keys create --expires-in` and `aviary runs prune --older-than`, and the
/// periods of `retention:` in `aviary.yaml`.
enum AgeOption {
    /// The length in seconds; a configuration error naming `option` and the accepted forms otherwise.
    static func seconds(_ text: String, option: String) throws -> TimeInterval {
        guard let seconds = TimeSpan.seconds(text) else {
            throw ConfigurationError("\(option) must be a positive number with a unit d, h, m or s (like 90d or 12h), up to 100 years; got '\(text)'")
        }
        return seconds
    }
}

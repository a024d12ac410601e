import Foundation
import AviaryCore

/// Lengths of time in workflow definitions: a number of seconds, or text with a unit
/// (`500ms`, `30s`, `5m`, `2h`, `7d`).
enum Durations {
    /// Seconds, or nil when `value` is not a positive length of time.
    static func seconds(_ value: JSONValue) -> Double? {
        if let n = value.numberValue { return n > 0 ? n : nil }
        guard let text = value.stringValue?.trimmingCharacters(in: .whitespaces).lowercased() else { return nil }
        if text.hasSuffix("ms"), let n = Double(text.dropLast(2)), n > 0 { return n / 1000 }
        if let s = TimeSpan.seconds(text) { return s }
        if let last = text.last, "smhd".contains(last), let n = Double(text.dropLast()), n > 0 {
            let scale: Double = last == "s" ? 1 : last == "m" ? 60 : last == "h" ? 3600 : 86_400
            return n * scale
        }
        return nil
    }
}

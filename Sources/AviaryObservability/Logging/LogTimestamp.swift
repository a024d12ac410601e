import Foundation

/// ISO-8601 UTC timestamps with milliseconds (`2026-05-01T12:00:00.123Z`), computed without a
/// formatter or locale (fast, thread-safe).
enum LogTimestamp {
    static func format(_ date: Date) -> String {
        let totalMillis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let millis = Int(((totalMillis % 1000) + 1000) % 1000)
        let totalSeconds = (totalMillis - Int64(millis)) / 1000
        var days = totalSeconds / 86_400
        var secondsOfDay = totalSeconds % 86_400
        if secondsOfDay < 0 { secondsOfDay += 86_400; days -= 1 }
        let (year, month, day) = civil(fromDays: days)
        let hour = Int(secondsOfDay / 3600), minute = Int(secondsOfDay % 3600 / 60), second = Int(secondsOfDay % 60)
        var out = ""
        out.reserveCapacity(24)
        pad(Int(year), 4, &out); out += "-"; pad(month, 2, &out); out += "-"; pad(day, 2, &out)
        out += "T"; pad(hour, 2, &out); out += ":"; pad(minute, 2, &out); out += ":"; pad(second, 2, &out)
        out += "."; pad(millis, 3, &out); out += "Z"
        return out
    }

    /// Year, month, day of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
    private static func civil(fromDays z: Int64) -> (Int64, Int, Int) {
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = Int(doy - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int, _ width: Int, _ out: inout String) {
        let digits = String(value)
        if digits.count < width { out += String(repeating: "0", count: width - digits.count) }
        out += digits
    }
}

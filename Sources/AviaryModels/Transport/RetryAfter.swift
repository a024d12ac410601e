/// Parses how long a provider asked us to wait from response headers.
///
/// Understands `retry-after-ms`, `Retry-After` (delta seconds or an HTTP date) and, for 429s without
/// those, OpenAI's `x-ratelimit-reset-{requests,tokens}` durations (`1s`, `6m0s`, `250ms`) for the
/// limit whose `x-ratelimit-remaining-*` is 0, then Brave's `x-ratelimit-reset` lists
/// (``shortestWindowReset(_:)``). Every value is a finite, non-negative number of seconds of at
/// most ``limit`` (a day): the headers come from outside, so nothing here may trap.
enum RetryAfter {
    /// The longest wait any header can ask for; `RetryPolicy` caps it further.
    static let limit: Double = 86_400

    static func seconds(status: Int, headers: [(name: String, value: String)], now: Double) -> Double? {
        if let ms = HTTPResponseData.lookup("retry-after-ms", in: headers).flatMap(Double.init), ms.isFinite, ms >= 0 {
            return min(ms / 1000, limit)
        }
        if let value = HTTPResponseData.lookup("retry-after", in: headers) {
            return parseRetryAfter(value, now: now)
        }
        guard status == 429 else { return nil }
        var best: Double?
        for limit in ["requests", "tokens"] {
            guard HTTPResponseData.lookup("x-ratelimit-remaining-\(limit)", in: headers) == "0",
                  let reset = HTTPResponseData.lookup("x-ratelimit-reset-\(limit)", in: headers),
                  let seconds = parseDuration(reset) else { continue }
            best = max(best ?? 0, seconds)
        }
        return best.map { min($0, limit) } ?? shortestWindowReset(headers)
    }

    /// Brave's `X-RateLimit-Reset: 1, 1419704` with `X-RateLimit-Remaining: 0, 1000`: one value per
    /// window, the shortest first. The wait for that first window, when it is the one used up (a
    /// used-up monthly quota is no reason to wait).
    static func shortestWindowReset(_ headers: [(name: String, value: String)]) -> Double? {
        func first(_ name: String) -> Double? {
            HTTPResponseData.lookup(name, in: headers)?.split(separator: ",").first.flatMap { Double(String($0).trimmingSpaces) }
        }
        guard first("x-ratelimit-remaining") == 0, let seconds = first("x-ratelimit-reset"), seconds.isFinite, seconds >= 0 else { return nil }
        return min(seconds, limit)
    }

    /// `Retry-After`: delta seconds, or an IMF-fixdate (`Wed, 21 Oct 2015 07:28:00 GMT`) relative to `now`.
    static func parseRetryAfter(_ value: String, now: Double) -> Double? {
        let trimmed = value.trimmingSpaces
        if let seconds = Double(trimmed) { return seconds.isFinite && seconds >= 0 ? min(seconds, limit) : nil }
        guard let date = parseHTTPDate(trimmed), now.isFinite else { return nil }
        return min(max(0, date - now), limit)
    }

    /// Seconds since 1970 for an IMF-fixdate.
    static func parseHTTPDate(_ text: String) -> Double? {
        let fields = text.split(separator: " ")
        // Bounded before any arithmetic: a year like 9223372036854775807 must not overflow.
        guard fields.count == 6, fields[5] == "GMT",
              let day = Int(fields[1]), (1...31).contains(day),
              let year = Int(fields[3]), (1...9999).contains(year) else { return nil }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let monthIndex = months.firstIndex(of: String(fields[2])) else { return nil }
        let clock = fields[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, (0...23).contains(clock[0]), (0...59).contains(clock[1]), (0...60).contains(clock[2]) else { return nil }
        let days = daysFromCivil(year: year, month: monthIndex + 1, day: day)
        return Double(days * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2])
    }

    /// Go-style durations as OpenAI sends them: `1s`, `6m0s`, `1h2m3.5s`, `250ms`.
    static func parseDuration(_ text: String) -> Double? {
        var total = 0.0
        var number = ""
        let chars = Array(text.trimmingSpaces)
        guard !chars.isEmpty else { return nil }
        var i = 0
        guard chars.count <= 64 else { return nil }
        while i < chars.count {
            let c = chars[i]
            if c.isASCII, c.isNumber || c == "." { number.append(c); i += 1; continue }
            guard let value = Double(number), value.isFinite else { return nil }
            number = ""
            if c == "m", i + 1 < chars.count, chars[i + 1] == "s" { total += value / 1000; i += 2; continue }
            switch c {
            case "h": total += value * 3600
            case "m": total += value * 60
            case "s": total += value
            default: return nil
            }
            i += 1
        }
        if !number.isEmpty { guard let value = Double(number), value.isFinite else { return nil }; total += value }
        return total.isFinite ? min(total, limit) : nil
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}

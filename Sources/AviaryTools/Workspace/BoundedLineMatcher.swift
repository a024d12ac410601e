import AviaryCore
import Foundation

/// Matches lines against an ICU regular expression and tells a real "no match" from an ICU
/// matcher that gave up.
///
/// ICU's backtracking matcher stops by itself after a fixed amount of backtracking work at one
/// start position and then reports "no match" without an error, even when a match exists
/// (`^(?:(a|a)+$|a)` over 30 `a`s and a `!` reports none, though `a` matches). The work it allows
/// shrinks with the size of its backtracking frames: about 30,000 ticks of 10,000 state saves,
/// divided by the frame's words (five or six, plus two per capture group, plus loop counters and
/// lookaround state). The matcher therefore counts the ticks itself: ICU reports progress once per
/// start position and once per tick (`.reportProgress`), so the ticks of a line are the progress
/// reports beyond its positions. A line that reaches ``maxTicks`` — half of the most conservative
/// estimate of ICU's own limit — stops with an error before ICU can give up silently. An internal
/// error ICU does report (a backtracking stack overflow on a long line) is an error too.
struct BoundedLineMatcher {
    /// The compiled expression.
    let regex: NSRegularExpression
    /// Most ticks (10,000 backtracking state saves each) one line may take without a match.
    let maxTicks: Int

    /// A matcher for `regex`, whose pattern text sizes the tick limit.
    init(_ regex: NSRegularExpression) {
        self.regex = regex
        self.maxTicks = Self.tickLimit(pattern: regex.pattern, captureGroups: regex.numberOfCaptureGroups)
    }

    /// Half of ICU's own limit for the largest frame `pattern` may need: every parenthesis and
    /// counted repetition is taken to add a word, every capture group two more.
    static func tickLimit(pattern: String, captureGroups: Int) -> Int {
        let constructs = pattern.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "(") || $1 == UInt8(ascii: "{") ? 1 : 0) }
        return max(10, 14_000 / (6 + 2 * captureGroups + constructs))
    }

    /// How one line ended.
    enum Outcome: Equatable {
        /// The expression matches somewhere in the line.
        case match
        /// ICU searched the whole line and found nothing.
        case noMatch
        /// The call's time ran out or it was cancelled during the line.
        case interrupted
        /// The line took more than ``maxTicks`` of backtracking without a match.
        case tooMuchBacktracking
        /// ICU stopped with an internal error (its backtracking stack overflowed).
        case failed
    }

    /// Matches `line`; `shouldStop` is asked at each progress report and stops the match when it
    /// answers true (the deadline or cancellation of the call).
    func match(_ line: String, shouldStop: () -> Bool) -> Outcome {
        let positions = line.utf16.count + 1
        let limit = positions + maxTicks
        var reports = 0
        var outcome = Outcome.noMatch
        withoutActuallyEscaping(shouldStop) { shouldStop in
            regex.enumerateMatches(in: line, options: [.reportProgress, .reportCompletion],
                                   range: NSRange(location: 0, length: positions - 1)) { match, flags, stop in
                if match != nil {
                    outcome = .match
                    stop.pointee = true
                } else if flags.contains(.internalError) {
                    outcome = .failed
                } else if flags.contains(.progress) {
                    reports += 1
                    if reports > limit {
                        outcome = .tooMuchBacktracking
                        stop.pointee = true
                    } else if shouldStop() {
                        outcome = .interrupted
                        stop.pointee = true
                    }
                }
            }
        }
        return outcome
    }
}

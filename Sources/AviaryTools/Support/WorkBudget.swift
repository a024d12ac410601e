import AviaryCore
import Foundation

/// The work one tool call may do: a deadline and a count of steps (directory entries, lines,
/// match attempts), checked in every loop of the workspace tools together with cancellation.
///
/// Tool bodies that compute without suspending cannot be stopped from outside: the runtime's
/// timeout cancels the call's task and answers at once, and the body stops at its next check
/// here, freeing its thread. A call that runs out of budget fails with a ``ToolError`` that says
/// which limit it hit and how to narrow the request — never with a partial "no match".
struct WorkBudget: Sendable {
    /// The tool, as named in messages.
    let tool: String
    /// When the call must stop.
    let deadline: ContinuousClock.Instant
    /// The time allowed, as given (for messages).
    let seconds: Double
    /// Most steps allowed.
    let maxSteps: Int
    /// What narrowing the request looks like, appended to messages.
    let hint: String
    private(set) var steps = 0

    /// A budget of `time` from now and `maxSteps` steps.
    init(tool: String, time: Duration, maxSteps: Int, hint: String) {
        self.tool = tool
        self.deadline = .now + time
        let parts = time.components
        self.seconds = Double(parts.seconds) + Double(parts.attoseconds) / 1e18
        self.maxSteps = maxSteps
        self.hint = hint
    }

    /// Counts `count` steps; throws when the steps, the time or the call have run out (a check
    /// costs a clock read and a flag read, small next to a step's file or regex work).
    mutating func spend(_ count: Int = 1) throws(ToolError) {
        let (total, overflow) = steps.addingReportingOverflow(count)
        steps = overflow ? .max : total
        guard steps <= maxSteps else {
            throw ToolError.failed("\(tool) stopped: the call reached its limit of \(maxSteps) steps (\(hint))")
        }
        try check()
    }

    /// Throws when the call was cancelled (its timeout passed) or the deadline passed.
    func check() throws(ToolError) {
        if Task.isCancelled {
            throw ToolError.timeout("\(tool) was stopped: the call was cancelled or ran past its timeout")
        }
        if ContinuousClock.now >= deadline { throw timeUp() }
    }

    /// Whether the deadline passed or the call was cancelled (for loops that cannot throw).
    var isExhausted: Bool { Task.isCancelled || ContinuousClock.now >= deadline }

    /// The error for a call that ran out of time.
    func timeUp() -> ToolError {
        ToolError.timeout("\(tool) stopped after its time limit of \(seconds.formatted())s without finishing (\(hint))")
    }
}

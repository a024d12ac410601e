/// An error whose description carries details meant for operators only — an upstream response
/// body, a host name, a connection error. What callers see (API responses, run events, the run's
/// stored error) is ``callerDescription``: generic, useful, with ``errorID``; the runtime logs the
/// full description at error level under the same id, so an operator can find it.
public protocol CallerSafeError: Error, CustomStringConvertible {
    /// A message safe to show to any caller, including ``errorID``.
    var callerDescription: String { get }
    /// Correlates the caller's message with the log entry holding the details (`perr_…`).
    var errorID: String { get }
}

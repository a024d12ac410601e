/// Why `aviary test` could not run: a malformed `tests/test_cases.json` or recording, an unknown
/// case, a failed set-up step or an unreachable server. (A case that runs and fails is a result,
/// not an error.)
public struct SessionTestError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: String, Sendable { case invalidFile, invalidRecording, unknownCase, setupFailed, server, usage }
    private let code: Code
    /// What went wrong, naming the file and field or the step.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `tests/test_cases.json` is missing or malformed (the message names the field).
    static func invalidFile(_ message: String) -> SessionTestError { SessionTestError(.invalidFile, message) }
    /// A recording is malformed or of an unknown version.
    static func invalidRecording(_ message: String) -> SessionTestError { SessionTestError(.invalidRecording, message) }
    /// `--case` names no case of the file.
    static func unknownCase(_ message: String) -> SessionTestError { SessionTestError(.unknownCase, message) }
    /// A `setup` step (ingestion) failed.
    static func setupFailed(_ message: String) -> SessionTestError { SessionTestError(.setupFailed, message) }
    /// The server of `--url` refused or failed a request.
    static func server(_ message: String) -> SessionTestError { SessionTestError(.server, message) }
    /// Options that do not go together (`--record` with `--url`).
    static func usage(_ message: String) -> SessionTestError { SessionTestError(.usage, message) }

    /// Stable machine-readable code (`invalid_file`, `unknown_case`, …).
    public var codeName: String {
        switch code {
        case .invalidFile: return "invalid_file"
        case .invalidRecording: return "invalid_recording"
        case .unknownCase: return "unknown_case"
        case .setupFailed: return "setup_failed"
        case .server: return "server"
        case .usage: return "usage"
        }
    }

    public var description: String { message }
}

/// A failure of the embedded local model: installing it, or starting and supervising its server.
///
/// Compare with the static members (`error == .notReady`); equality looks at the kind only,
/// ``context`` says what happened.
public struct LocalModelError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case notInstalled, setupFailed, launchFailed, notReady, tooManyRestarts, stopped
    }

    private let code: Code
    /// What happened, for people.
    public let context: String

    private init(_ code: Code, _ context: String) {
        self.code = code
        self.context = context
    }

    /// The local model is not installed (run `scripts/setup-local-model.sh`).
    public static let notInstalled = LocalModelError(.notInstalled, "the local model is not installed")
    /// The setup script failed.
    public static let setupFailed = LocalModelError(.setupFailed, "the local model setup failed")
    /// The server process could not be started.
    public static let launchFailed = LocalModelError(.launchFailed, "the local model server could not be started")
    /// The server did not answer its health check in time.
    public static let notReady = LocalModelError(.notReady, "the local model server is not ready")
    /// The server kept dying and the restart budget is spent.
    public static let tooManyRestarts = LocalModelError(.tooManyRestarts, "the local model server died too often")
    /// The server's service has stopped.
    public static let stopped = LocalModelError(.stopped, "the local model server has stopped")

    /// The same kind of error with more precise context.
    public func with(_ context: String) -> LocalModelError { LocalModelError(code, context) }

    /// Equal when of the same kind, whatever the context.
    public static func == (a: LocalModelError, b: LocalModelError) -> Bool { a.code == b.code }

    /// The context.
    public var description: String { context }
}

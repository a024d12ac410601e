import AviaryCore

/// A kind of run: what a run executes, written against a ``RunContext``. The two agent kinds
/// (`simple`, `react`, with delegation) are programs; a library user registers their own with
/// ``AgentRuntime/init(catalog:tools:models:runs:sessions:programs:sink:sessionsRoot:limits:toolThreads:leasing:clock:logger:)``
/// and starts them by name like an agent.
///
/// A program does all its durable work through the context's primitives — ``RunContext/step(_:_:_:)``,
/// ``RunContext/interrupt(_:_:)`` and ``RunContext/child(_:program:input:)`` — so that executing
/// it again against the run's journal (a resume after a crash, a restart or an answer) replays
/// what was recorded and continues where it stopped. Code between the primitives must be
/// deterministic given their results.
public protocol RunProgram: Sendable {
    /// The name runs of this program are started by and store (``RunRecord/agent``).
    var name: String { get }
    /// Executes the run; returns its output and the usage it spent.
    func run(in context: RunContext) async throws -> RunResult
}

/// What a program's run produced.
public struct RunResult: Sendable, Hashable {
    /// The run's output (``RunRecord/output``).
    public var output: JSONValue
    /// The usage it spent, children included.
    public var usage: Usage

    /// Creates a result.
    public init(output: JSONValue, usage: Usage = Usage()) {
        self.output = output
        self.usage = usage
    }
}

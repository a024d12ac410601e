/// What a step's body does, which decides what the kernel stores before the body runs and what
/// a resume does with a step that began but did not finish (``RunContext/step(_:_:_:)``).
public enum StepDurability: Sendable, Hashable {
    /// Computation in this process: no side effects, no waiting on a network, a disk or a person.
    /// Nothing is written before the body; its result is written with the run's next write. A
    /// crash before that write loses the result, as it loses any computation: the resume runs
    /// the body again.
    case computation
    /// A call that is harmless to repeat (a read, a paid model call, a child run that resumes from
    /// its own journal). What the run did before is stored first, so the call is not repeated for
    /// an earlier step's sake; its result is written with the run's next write, and a crash before
    /// that runs the call again.
    case idempotent
    /// A call that must not run twice (a payment, an e-mail). A `started` record is stored before
    /// the body runs and the result right after it returns. A resume that finds the step started
    /// but not finished does not call again: the run stops in `needs_attention` until a person
    /// decides (retry, skip with a value, fail).
    case nonIdempotent
}

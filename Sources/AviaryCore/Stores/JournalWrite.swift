/// One run's part of a store write: the run's insert, a step, events and the run's final state,
/// stored in that order. ``RunStore/write(_:)`` stores several — of several runs — together.
public struct JournalWrite: Sendable {
    /// The tenant owning the run.
    public var tenant: String
    /// The run, inserted first when it is not stored yet.
    public var creating: RunRecord?
    /// A step state (insert or replace by run + key).
    public var step: JournalEntry?
    /// Events appended.
    public var events: [RunEvent]
    /// The run's status, output, error and usage, saved last (the run's end).
    public var finishing: RunRecord?

    /// Creates a write.
    public init(tenant: String, creating: RunRecord? = nil, step: JournalEntry? = nil, events: [RunEvent] = [],
                finishing: RunRecord? = nil) {
        self.tenant = tenant
        self.creating = creating
        self.step = step
        self.events = events
        self.finishing = finishing
    }

    /// True when the write stores nothing.
    public var isEmpty: Bool { creating == nil && step == nil && events.isEmpty && finishing == nil }
}

/// The typed `data` of one ``RunEvent/Kind``: one conforming type per kind (``RunStartedEvent``,
/// ``ToolFinishedEvent``, …), which reads and writes the event's JSON by hand so that events stay
/// cheap on the hot path.
///
/// The wire form (``data``) is the contract documented in `docs/events.md`: stable member names,
/// members the runtime leaves out are left out (never written as `null`), numbers as JSON numbers.
///
/// Reading (``init(data:)``) is lenient about absence and strict about types: the members that say
/// what an event is about (a tool call's `call_id` and `name`, a model call's `step`, …) are
/// required, every other member reads as `nil` (or JSON `null` for JSON-valued members) when it is
/// missing, so events written by hand or by an older version still read; a member present with the
/// wrong JSON type, or a missing required one, throws ``RunEventDataError``.
public protocol RunEventPayload: Sendable, Hashable {
    /// The event kind this type describes.
    static var kind: RunEvent.Kind { get }
    /// Every top-level member of ``data`` this type reads and writes, in documentation order.
    static var fields: [String] { get }
    /// The members of ``fields`` the runtime leaves out in some events (for example
    /// `parent_run_id` of a run that is not a child run).
    static var optionalFields: Set<String> { get }
    /// The members of ``fields`` that carry what a tool or the model was given or said (tool
    /// arguments and outputs, reasoning text): only the debug (full) view of an API shows them.
    static var debugOnlyFields: Set<String> { get }

    /// Reads an event's `data`; throws when it is not an object, a required member is missing,
    /// or a member has the wrong JSON type.
    init(data: JSONValue) throws(RunEventDataError)

    /// The event's `data` as it goes on the wire and into the store.
    var data: JSONValue { get }
}

extension RunEventPayload {
    /// No member is left out by default.
    public static var optionalFields: Set<String> { [] }
    /// No member is debug-only by default.
    public static var debugOnlyFields: Set<String> { [] }
}

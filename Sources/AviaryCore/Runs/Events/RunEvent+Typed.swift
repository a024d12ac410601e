import Foundation

extension RunEvent {
    /// Creates an event from a typed payload: its kind and its wire `data`.
    public init<P: RunEventPayload>(runID: RunID, sequence: Int, timestamp: Date = Date(), tenant: String, _ payload: P) {
        self.init(runID: runID, sequence: sequence, timestamp: timestamp, tenant: tenant, kind: P.kind, data: payload.data)
    }

    /// Creates an event from a ``Payload``.
    public init(runID: RunID, sequence: Int, timestamp: Date = Date(), tenant: String, _ payload: Payload) {
        self.init(runID: runID, sequence: sequence, timestamp: timestamp, tenant: tenant, kind: payload.kind, data: payload.data)
    }

    /// The typed `data`, read by ``kind``; throws when `data` does not have the kind's shape
    /// (see ``RunEventPayload`` for what is required).
    public var payload: Payload {
        get throws(RunEventDataError) { try Payload(kind: kind, data: data) }
    }

    /// The typed `data` as `type`; throws when the event is of another kind or `data` does not
    /// have the kind's shape.
    public func payload<P: RunEventPayload>(as type: P.Type) throws(RunEventDataError) -> P {
        guard kind == P.kind else { throw .wrongKind(kind, expected: P.kind) }
        return try P(data: data)
    }
}

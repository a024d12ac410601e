import AviaryCore
import Foundation

/// How much of a run's events a caller sees.
public enum RunEventView: Sendable, Hashable {
    /// Everything (builders, admins, operators, services).
    case full
    /// The production view for end users (the `user` role): tool arguments, tool outputs and the
    /// model's reasoning text are left out.
    case production

    /// The view for a role: `user` gets the production view, everyone else the full one.
    public init(role: Role) { self = role == .user ? .production : .full }
}

extension RunEvent {
    /// The event as the API shows it (SSE `data:` and JSON listings).
    public var wireJSON: JSONValue { wireJSON(view: .full) }

    /// The event as a caller with `view` sees it.
    public func wireJSON(view: RunEventView) -> JSONValue {
        var object: [String: JSONValue] = [
            "run_id": .string(runID.rawValue), "kind": .string(kind.rawValue),
            "timestamp": .string(timestamp.formatted(Self.timeFormat)), "data": view == .full ? data : productionData,
        ]
        if !isTransient { object["sequence"] = .number(Double(sequence)) }
        return .object(object)
    }

    /// The event as one SSE frame: `id` is the sequence (absent for transient events), `event` the kind.
    public var serverSentEvent: ServerSentEvent { serverSentEvent(view: .full) }

    /// The event as one SSE frame for a caller with `view`.
    public func serverSentEvent(view: RunEventView) -> ServerSentEvent {
        ServerSentEvent(id: isTransient ? nil : String(sequence), event: kind.rawValue, data: wireJSON(view: view).jsonString)
    }

    /// `data` without what the production view leaves out: the members its kind's payload type
    /// declares debug-only (``RunEventPayload/debugOnlyFields``). Everything else passes through as stored.
    private var productionData: JSONValue {
        let hidden = kind.payloadType.debugOnlyFields
        guard !hidden.isEmpty, var object = data.objectValue else { return data }
        for key in hidden { object[key] = nil }
        return .object(object)
    }
}

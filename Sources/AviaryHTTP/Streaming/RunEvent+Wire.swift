import AviaryCore
import Foundation

extension RunEvent {
    /// The event as the API shows it (SSE `data:` and JSON listings).
    public var wireJSON: JSONValue {
        var object: [String: JSONValue] = [
            "run_id": .string(runID.rawValue), "kind": .string(kind.rawValue),
            "timestamp": .string(timestamp.formatted(Self.timeFormat)), "data": data,
        ]
        if !isTransient { object["sequence"] = .number(Double(sequence)) }
        return .object(object)
    }

    /// The event as one SSE frame: `id` is the sequence (absent for transient events), `event` the kind.
    public var serverSentEvent: ServerSentEvent {
        ServerSentEvent(id: isTransient ? nil : String(sequence), event: kind.rawValue, data: wireJSON.jsonString)
    }

    static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}

/// `model.delta`: a piece of streamed model text. Transient: delivered live to sinks when a run
/// streams, never persisted, no sequence of its own.
public struct ModelDeltaEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.modelDelta
    public static let fields = ["step", "text"]

    /// The journal step key of the model call (`turn/N/model`).
    public var step: String
    /// The text piece.
    public var text: String

    /// Creates the payload.
    public init(step: String, text: String) {
        self.step = step
        self.text = text
    }

    public init(data: JSONValue) throws(RunEventDataError) {
        let r = try RunEventDataReader(data, Self.kind)
        self.init(step: try r.string("step"), text: try r.string("text"))
    }

    public var data: JSONValue { .object(["step": .string(step), "text": .string(text)]) }
}

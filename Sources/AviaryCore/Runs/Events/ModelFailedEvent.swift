/// `model.failed`: a model call failed (after the provider's retries and fallbacks).
public struct ModelFailedEvent: RunEventPayload {
    public static let kind = RunEvent.Kind.modelFailed
    public static let fields = ["step", "model", "error"]

    /// The journal step key (`turn/N/model`).
    public var step: String
    /// The model called (its catalog name).
    public var model: String
    /// What went wrong, as callers may see it (`nil` only when missing from the data).
    public var error: String?

    /// Creates the payload.
    public init(step: String, model: String, error: String?) {
        self.step = step
        self.model = model
        self.error = error
    }

    public init(data: JSONValue) throws(RunEventDataError) {
        let r = try RunEventDataReader(data, Self.kind)
        self.init(step: try r.string("step"), model: try r.string("model"), error: try r.optionalString("error"))
    }

    public var data: JSONValue {
        var o = [String: JSONValue](minimumCapacity: 3)
        o["step"] = .string(step)
        o["model"] = .string(model)
        if let error { o["error"] = .string(error) }
        return .object(o)
    }
}

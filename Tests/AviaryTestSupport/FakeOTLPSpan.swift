import AviaryCore

/// A span as a ``FakeOTLPCollector`` received it, decoded from OTLP/HTTP protobuf or JSON.
public struct FakeOTLPSpan: Sendable, Hashable {
    /// Trace id, lowercase hex (32 characters).
    public var traceID: String
    /// Span id, lowercase hex (16 characters).
    public var spanID: String
    /// Parent span id, lowercase hex; empty for a root span.
    public var parentSpanID: String
    /// The span name.
    public var name: String
    /// The OTLP span kind (1 internal, 2 server, 3 client, 4 producer, 5 consumer).
    public var kind: Int
    /// Start time, nanoseconds since 1970.
    public var startTimeUnixNano: UInt64
    /// End time, nanoseconds since 1970.
    public var endTimeUnixNano: UInt64
    /// Attributes: strings, numbers (ints and doubles), booleans and arrays.
    public var attributes: [String: JSONValue]
    /// The OTLP status code (0 unset, 1 ok, 2 error).
    public var statusCode: Int
    /// The status message.
    public var statusMessage: String
    /// The `service.name` of the span's resource.
    public var serviceName: String

    /// Creates a span record.
    public init(traceID: String = "", spanID: String = "", parentSpanID: String = "", name: String = "", kind: Int = 0,
                startTimeUnixNano: UInt64 = 0, endTimeUnixNano: UInt64 = 0, attributes: [String: JSONValue] = [:],
                statusCode: Int = 0, statusMessage: String = "", serviceName: String = "") {
        self.traceID = traceID
        self.spanID = spanID
        self.parentSpanID = parentSpanID
        self.name = name
        self.kind = kind
        self.startTimeUnixNano = startTimeUnixNano
        self.endTimeUnixNano = endTimeUnixNano
        self.attributes = attributes
        self.statusCode = statusCode
        self.statusMessage = statusMessage
        self.serviceName = serviceName
    }
}

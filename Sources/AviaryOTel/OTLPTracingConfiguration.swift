/// Settings of the opt-in OTLP/HTTP trace exporter. Exporting is on when ``tracesEndpoint`` is set.
public struct OTLPTracingConfiguration: Sendable {
    /// How spans are encoded on the wire.
    public enum WireProtocol: String, Sendable, CaseIterable {
        /// `application/x-protobuf` (the OTLP/HTTP default).
        case httpProtobuf = "http/protobuf"
        /// `application/json`.
        case httpJSON = "http/json"
    }

    /// The full URL spans are posted to (`http://collector:4318/v1/traces`); `nil` (default) disables exporting.
    public var tracesEndpoint: String?
    /// The `service.name` resource attribute (default `aviary`).
    public var serviceName: String
    /// The wire encoding (default `http/protobuf`).
    public var wireProtocol: WireProtocol
    /// Extra request headers, for example a collector's API key (default none).
    public var headers: [String: String]
    /// The longest a finished span waits before its batch is sent (default 5 s); shutdown always flushes.
    public var exportDelay: Duration

    /// Creates a configuration; every argument has a documented default.
    public init(tracesEndpoint: String? = nil, serviceName: String = "aviary", wireProtocol: WireProtocol = .httpProtobuf,
                headers: [String: String] = [:], exportDelay: Duration = .seconds(5)) {
        self.tracesEndpoint = tracesEndpoint
        self.serviceName = serviceName
        self.wireProtocol = wireProtocol
        self.headers = headers
        self.exportDelay = exportDelay
    }

    /// A configuration exporting to an OTLP base endpoint (`http://collector:4318` → `…/v1/traces`).
    public static func exporting(to baseEndpoint: String, serviceName: String = "aviary",
                                 wireProtocol: WireProtocol = .httpProtobuf) -> OTLPTracingConfiguration {
        OTLPTracingConfiguration(tracesEndpoint: tracesURL(base: baseEndpoint), serviceName: serviceName, wireProtocol: wireProtocol)
    }

    /// True when spans are exported.
    public var isEnabled: Bool { tracesEndpoint != nil }

    /// `base` + `/v1/traces` (unless `base` already ends with it).
    static func tracesURL(base: String) -> String {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        return base.hasSuffix("/v1/traces") ? base : base + "/v1/traces"
    }
}

extension OTLPTracingConfiguration {
    /// Reads the configuration from environment variables:
    ///
    /// - `AVIARY_OTLP_ENDPOINT`: base endpoint (`http://collector:4318`; spans go to `/v1/traces`);
    /// - else `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`: the full traces URL, used as is;
    /// - else `OTEL_EXPORTER_OTLP_ENDPOINT`: base endpoint;
    /// - `OTEL_SERVICE_NAME` (default `aviary`);
    /// - `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` or `OTEL_EXPORTER_OTLP_PROTOCOL`: `http/protobuf` (default) or `http/json`;
    /// - `OTEL_SDK_DISABLED=true` turns exporting off whatever else is set.
    ///
    /// With none of the endpoints set, exporting is off.
    public init(environment: [String: String]) throws(OTLPTracingError) {
        self.init()
        if let name = environment["OTEL_SERVICE_NAME"], !name.isEmpty { serviceName = name }
        if let raw = environment["OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"] ?? environment["OTEL_EXPORTER_OTLP_PROTOCOL"], !raw.isEmpty {
            guard let parsed = WireProtocol(rawValue: raw) else { throw OTLPTracingError.unsupportedProtocol(raw) }
            wireProtocol = parsed
        }
        if environment["OTEL_SDK_DISABLED"]?.lowercased() == "true" { return }
        if let base = environment["AVIARY_OTLP_ENDPOINT"], !base.isEmpty {
            tracesEndpoint = Self.tracesURL(base: base)
        } else if let full = environment["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"], !full.isEmpty {
            tracesEndpoint = full
        } else if let base = environment["OTEL_EXPORTER_OTLP_ENDPOINT"], !base.isEmpty {
            tracesEndpoint = Self.tracesURL(base: base)
        }
        if let endpoint = tracesEndpoint, !(endpoint.hasPrefix("http://") || endpoint.hasPrefix("https://")) {
            throw OTLPTracingError.invalidEndpoint(endpoint)
        }
    }
}

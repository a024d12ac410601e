import AviaryOTel
import Testing

@Suite struct OTLPTracingConfigurationTests {
    @Test func offWithoutAnEndpoint() throws {
        let configuration = try OTLPTracingConfiguration(environment: ["PATH": "/bin"])
        #expect(!configuration.isEnabled)
        #expect(configuration.serviceName == "aviary")
        #expect(configuration.wireProtocol == .httpProtobuf)
    }

    @Test func aviaryEndpointWinsAndGetsTheTracesPath() throws {
        let configuration = try OTLPTracingConfiguration(environment: [
            "AVIARY_OTLP_ENDPOINT": "http://collector:4318/", "OTEL_EXPORTER_OTLP_ENDPOINT": "http://other:4318",
            "OTEL_SERVICE_NAME": "aviary-eu", "OTEL_EXPORTER_OTLP_PROTOCOL": "http/json",
        ])
        #expect(configuration.tracesEndpoint == "http://collector:4318/v1/traces")
        #expect(configuration.serviceName == "aviary-eu")
        #expect(configuration.wireProtocol == .httpJSON)
    }

    @Test func standardOpenTelemetryVariables() throws {
        #expect(try OTLPTracingConfiguration(environment: ["OTEL_EXPORTER_OTLP_ENDPOINT": "https://otel.example.com"])
            .tracesEndpoint == "https://otel.example.com/v1/traces")
        #expect(try OTLPTracingConfiguration(environment: ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://c:4318/custom",
                                                           "OTEL_EXPORTER_OTLP_ENDPOINT": "http://ignored"])
            .tracesEndpoint == "http://c:4318/custom")
        #expect(try !OTLPTracingConfiguration(environment: ["OTEL_EXPORTER_OTLP_ENDPOINT": "http://c", "OTEL_SDK_DISABLED": "true"])
            .isEnabled)
        #expect(OTLPTracingConfiguration.exporting(to: "http://c:4318/v1/traces").tracesEndpoint == "http://c:4318/v1/traces")
    }

    @Test func rejectsGRPCAndNonHTTPEndpoints() {
        #expect(throws: OTLPTracingError.unsupportedProtocol("grpc")) {
            try OTLPTracingConfiguration(environment: ["OTEL_EXPORTER_OTLP_PROTOCOL": "grpc", "AVIARY_OTLP_ENDPOINT": "http://c"])
        }
        #expect(throws: OTLPTracingError.invalidEndpoint("collector:4317/v1/traces")) {
            try OTLPTracingConfiguration(environment: ["AVIARY_OTLP_ENDPOINT": "collector:4317"])
        }
    }
}

/// Why the OTLP trace exporter could not be set up.
public struct OTLPTracingError: Error, CustomStringConvertible, Equatable {
    private enum Code: Equatable {
        case unsupportedProtocol, invalidEndpoint, exporterSetup
    }

    private let code: Code
    /// What went wrong, for people.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The configured wire protocol is not `http/protobuf` or `http/json` (gRPC is not built in).
    public static func unsupportedProtocol(_ value: String) -> OTLPTracingError {
        OTLPTracingError(.unsupportedProtocol, "unsupported OTLP protocol '\(value)'; use http/protobuf or http/json")
    }

    /// The endpoint is not an http(s) URL.
    public static func invalidEndpoint(_ value: String) -> OTLPTracingError {
        OTLPTracingError(.invalidEndpoint, "OTLP endpoint '\(value)' is not an http:// or https:// URL")
    }

    /// swift-otel rejected the configuration.
    static func exporterSetup(_ underlying: any Error) -> OTLPTracingError {
        OTLPTracingError(.exporterSetup, "could not set up the OTLP trace exporter: \(underlying)")
    }

    /// True for an unsupported protocol.
    public var isUnsupportedProtocol: Bool { code == .unsupportedProtocol }
    /// True for an invalid endpoint.
    public var isInvalidEndpoint: Bool { code == .invalidEndpoint }

    /// The message.
    public var description: String { message }
}

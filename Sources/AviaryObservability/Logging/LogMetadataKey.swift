/// Metadata keys shared by the HTTP layer, the runtime and the CLI, so every log line names the same
/// things the same way.
public enum LogMetadataKey {
    /// The request id (`X-Request-ID`, generated when absent).
    public static let requestID = "request_id"
    /// The tenant the request or run belongs to.
    public static let tenant = "tenant"
    /// The run id.
    public static let runID = "run_id"
    /// The agent name.
    public static let agent = "agent"
    /// The matched route pattern.
    public static let route = "route"
    /// The HTTP method.
    public static let method = "method"
    /// The HTTP status code.
    public static let status = "status"
    /// A duration in milliseconds.
    public static let durationMS = "duration_ms"
}

/// Attribute names on Aviary's spans: OpenTelemetry GenAI semantic conventions where one fits,
/// `aviary.*` otherwise (documented in docs/observability.md).
public enum SpanAttributeName {
    /// `invoke_agent`, `chat` or `execute_tool`.
    public static let operation = "gen_ai.operation.name"
    /// The agent a run executes.
    public static let agentName = "gen_ai.agent.name"
    /// The model asked for.
    public static let requestModel = "gen_ai.request.model"
    /// The model that answered.
    public static let responseModel = "gen_ai.response.model"
    /// Why the model stopped (a one-element string array).
    public static let finishReasons = "gen_ai.response.finish_reasons"
    /// Prompt tokens.
    public static let inputTokens = "gen_ai.usage.input_tokens"
    /// Completion tokens.
    public static let outputTokens = "gen_ai.usage.output_tokens"
    /// The tool called.
    public static let toolName = "gen_ai.tool.name"
    /// The model's id for the tool call.
    public static let toolCallID = "gen_ai.tool.call.id"
    /// The tool call's arguments as JSON (only with `recordArguments`; credentials masked).
    public static let toolCallArguments = "gen_ai.tool.call.arguments"
    /// The error class when a span failed (`model_error`, `tool_error`, `run_failed`, …).
    public static let errorType = "error.type"
    /// The run id.
    public static let runID = "aviary.run.id"
    /// The parent run id of a delegated child run.
    public static let parentRunID = "aviary.run.parent_id"
    /// The owning tenant.
    public static let tenant = "aviary.tenant"
    /// How the run ended (`completed`, `failed`, `cancelled`, `needs_attention`).
    public static let runStatus = "aviary.run.status"
    /// True when the span covers a resumed execution of the run.
    public static let resumed = "aviary.run.resumed"
    /// The journal step key (`turn/2/model`).
    public static let step = "aviary.step"
    /// Cost in US dollars.
    public static let costUSD = "aviary.cost_usd"
    /// Model latency in milliseconds as the runtime measured it.
    public static let latencyMS = "aviary.latency_ms"
    /// Tool duration in milliseconds as the runtime measured it.
    public static let durationMS = "aviary.duration_ms"
    /// The child run a delegating tool call started.
    public static let childRunID = "aviary.child_run.id"
}

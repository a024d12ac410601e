import Prometheus

/// The names and help texts of Aviary's metrics (documented in docs/observability.md).
enum MetricName {
    static var httpRequests: MetricNameDescriptor {
        describe("http_requests", "total", "HTTP requests served, by route pattern, method and status.")
    }
    static var httpRequestDuration: MetricNameDescriptor {
        describe("http_request_duration", "seconds", "HTTP request latency, by route pattern and method.")
    }
    static var runs: MetricNameDescriptor {
        describe("runs", "total", "Agent runs that ended, by agent and final status.")
    }
    static var runDuration: MetricNameDescriptor {
        describe("run_duration", "seconds", "Wall time of agent run executions, by agent and final status.")
    }
    static var runsActive: MetricNameDescriptor {
        describe("runs_active", "", "Agent runs executing in this process.")
    }
    static var modelCalls: MetricNameDescriptor {
        describe("model_calls", "total", "Model calls, by model and status (ok or failed).")
    }
    static var modelTokens: MetricNameDescriptor {
        describe("model_tokens", "total", "Tokens used by model calls, by model and direction (input or output).")
    }
    static var modelCost: MetricNameDescriptor {
        describe("model_cost_usd", "total", "Cost of model calls in US dollars, by model.")
    }
    static var modelCallDuration: MetricNameDescriptor {
        describe("model_call_duration", "seconds", "Latency of successful model calls, by model.")
    }
    static var toolCalls: MetricNameDescriptor {
        describe("tool_calls", "total", "Tool calls, by tool and status (finished or failed).")
    }
    static var toolCallDuration: MetricNameDescriptor {
        describe("tool_call_duration", "seconds", "Duration of tool calls, by tool.")
    }

    private static func describe(_ name: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "aviary", metricName: name, unitName: unit, helpText: help)
    }
}

/// Label values with a fixed meaning.
enum MetricLabel {
    /// Replaces label values past the cardinality limit.
    static let other = "other"
    /// Stands for a missing agent, model or tool name.
    static let unknown = "unknown"
}

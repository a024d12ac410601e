import AviaryCore
import Foundation

/// One representative payload per event kind, with the JSON the runtime writes for it today
/// (hand-written from the producers in AviaryRuntime, not derived from the types under test).
enum RunEventSamples {
    /// 2027-01-15T08:00:00Z.
    static let requestedAt = Date(timeIntervalSince1970: 1_800_000_000)

    static let byKind: [RunEvent.Kind: (payload: RunEvent.Payload, json: JSONValue)] = {
        var samples: [RunEvent.Kind: (RunEvent.Payload, JSONValue)] = [:]
        for sample in all where samples[sample.payload.kind] == nil { samples[sample.payload.kind] = sample }
        return samples
    }()

    /// Every sample, several per kind where the runtime leaves members out.
    static let all: [(payload: RunEvent.Payload, json: JSONValue)] = [
        (.runStarted(RunStartedEvent(agent: "support", input: ["question": "where is my order?"])),
         ["agent": "support", "input": ["question": "where is my order?"]]),
        (.runStarted(RunStartedEvent(agent: "billing", input: ["question": "refund?"], parentRunID: "run_p")),
         ["agent": "billing", "input": ["question": "refund?"], "parent_run_id": "run_p"]),
        (.runResumed(RunResumedEvent(agent: "support")), ["agent": "support"]),
        (.runFinished(RunFinishedEvent(output: "It shipped.", usage: Usage(inputTokens: 250, outputTokens: 50, costUSD: 0.005, requests: 2))),
         ["output": "It shipped.", "usage": ["input_tokens": 250, "output_tokens": 50, "cost_usd": 0.005, "requests": 2]]),
        (.runFailed(RunFailedEvent(error: "model openai/gpt-test failed: HTTP 529")), ["error": "model openai/gpt-test failed: HTTP 529"]),
        (.runCancelled(RunCancelledEvent()), [:]),
        (.runCancelled(RunCancelledEvent(reason: "cancelled while idle")), ["reason": "cancelled while idle"]),
        (.runNeedsAttention(RunNeedsAttentionEvent(error: "step turn/1/tool/c1 calls non-idempotent tool 'pay'")),
         ["error": "step turn/1/tool/c1 calls non-idempotent tool 'pay'"]),
        (.runInterrupted(RunInterruptedEvent(error: "interrupted: the executing task was cancelled; resume to continue")),
         ["error": "interrupted: the executing task was cancelled; resume to continue"]),
        (.runWaiting(RunWaitingEvent(reason: "the call of 'refund' (step turn/1/tool/c1) waits for approval")),
         ["reason": "the call of 'refund' (step turn/1/tool/c1) waits for approval"]),
        (.approvalRequested(ApprovalRequestedEvent(step: "turn/1/tool/c1/approval", request: ApprovalRequest(
            tool: "refund", callID: "c1", arguments: ["amount": 120], summary: "call 'refund' with {\"amount\":120}",
            approvers: [.owner, .role(.admin)], requestedAt: requestedAt))),
         ["step": "turn/1/tool/c1/approval",
          "request": ["kind": "approval", "tool": "refund", "call_id": "c1", "arguments": ["amount": 120],
                      "summary": "call 'refund' with {\"amount\":120}", "approvers": ["owner", "admin"],
                      "requested_at": "2027-01-15T08:00:00Z"]]),
        (.approvalRequested(ApprovalRequestedEvent(step: "turn/2/tool/c2/approval", request: ApprovalRequest(
            tool: "send_email", callID: "c2", arguments: [:], summary: "call 'send_email' with {}", approvers: [.owner],
            requestedAt: requestedAt, expiresAt: requestedAt.addingTimeInterval(3600), onExpiry: .fail))),
         ["step": "turn/2/tool/c2/approval",
          "request": ["kind": "approval", "tool": "send_email", "call_id": "c2", "arguments": [:],
                      "summary": "call 'send_email' with {}", "approvers": ["owner"], "requested_at": "2027-01-15T08:00:00Z",
                      "expires_at": "2027-01-15T09:00:00Z", "on_expiry": "fail"]]),
        (.approvalGranted(ApprovalGrantedEvent(step: "turn/1/tool/c1/approval", tool: "refund", callID: "c1", by: "key:alice")),
         ["step": "turn/1/tool/c1/approval", "tool": "refund", "call_id": "c1", "by": "key:alice"]),
        (.approvalGranted(ApprovalGrantedEvent(step: "turn/1/tool/c1/approval", tool: "refund", callID: "c1", by: "key:alice",
                                               reason: "known customer")),
         ["step": "turn/1/tool/c1/approval", "tool": "refund", "call_id": "c1", "by": "key:alice", "reason": "known customer"]),
        (.approvalDenied(ApprovalDeniedEvent(step: "turn/1/tool/c1/approval", tool: "refund", callID: "c1", by: "key:bob",
                                             reason: "over the limit")),
         ["step": "turn/1/tool/c1/approval", "tool": "refund", "call_id": "c1", "by": "key:bob", "reason": "over the limit"]),
        (.approvalDenied(ApprovalDeniedEvent(step: "turn/1/tool/c1/approval", tool: "refund", callID: "c1", by: "key:bob")),
         ["step": "turn/1/tool/c1/approval", "tool": "refund", "call_id": "c1", "by": "key:bob"]),
        (.approvalExpired(ApprovalExpiredEvent(step: "turn/1/tool/c1/approval", tool: "refund", callID: "c1", by: "system",
                                               reason: "no decision within 3600s", onExpiry: .reject)),
         ["step": "turn/1/tool/c1/approval", "tool": "refund", "call_id": "c1", "by": "system",
          "reason": "no decision within 3600s", "on_expiry": "reject"]),
        (.approvalRequested(ApprovalRequestedEvent(step: "ask", request: ApprovalRequest(
            kind: .input, summary: "Which plan?", answerSchema: ["enum": ["basic", "pro"]], defaultAnswer: "basic", approvers: [.owner],
            requestedAt: requestedAt, expiresAt: requestedAt.addingTimeInterval(60), onExpiry: .defaultAnswer))),
         ["step": "ask",
          "request": ["kind": "input", "tool": "", "call_id": "", "arguments": nil, "summary": "Which plan?",
                      "answer_schema": ["enum": ["basic", "pro"]], "default_answer": "basic", "approvers": ["owner"],
                      "requested_at": "2027-01-15T08:00:00Z", "expires_at": "2027-01-15T08:01:00Z", "on_expiry": "default"]]),
        (.approvalGranted(ApprovalGrantedEvent(step: "ask", by: "key:alice", answer: "pro")),
         ["step": "ask", "by": "key:alice", "answer": "pro"]),
        (.approvalExpired(ApprovalExpiredEvent(step: "ask", by: "system", reason: "no decision within 60s", answer: "basic",
                                               onExpiry: .defaultAnswer)),
         ["step": "ask", "by": "system", "reason": "no decision within 60s", "answer": "basic", "on_expiry": "default"]),
        (.modelRequest(ModelRequestEvent(step: "turn/1/model", model: "openai/gpt-test", messages: 2, tools: 1)),
         ["step": "turn/1/model", "model": "openai/gpt-test", "messages": 2, "tools": 1]),
        (.modelResponse(ModelResponseEvent(step: "turn/1/model", model: "gpt-test-2025",
                                           usage: Usage(inputTokens: 100, outputTokens: 20, costUSD: 0.002, requests: 1),
                                           costUSD: 0.002, finishReason: .toolCalls, latencyMS: 1500.25, toolCalls: ["lookup", "refund"])),
         ["step": "turn/1/model", "model": "gpt-test-2025",
          "usage": ["input_tokens": 100, "output_tokens": 20, "cost_usd": 0.002, "requests": 1],
          "cost_usd": 0.002, "finish_reason": "tool_calls", "latency_ms": 1500.25, "tool_calls": ["lookup", "refund"]]),
        (.modelResponse(ModelResponseEvent(step: "turn/2/model", model: "openai/gpt-test",
                                           usage: Usage(inputTokens: 150, outputTokens: 30, costUSD: 0, requests: 1),
                                           costUSD: 0, finishReason: .stop, latencyMS: 0.5)),
         ["step": "turn/2/model", "model": "openai/gpt-test",
          "usage": ["input_tokens": 150, "output_tokens": 30, "cost_usd": 0, "requests": 1],
          "cost_usd": 0, "finish_reason": "stop", "latency_ms": 0.5]),
        (.modelFailed(ModelFailedEvent(step: "turn/1/model", model: "openai/gpt-test", error: "provider error (id err_1)")),
         ["step": "turn/1/model", "model": "openai/gpt-test", "error": "provider error (id err_1)"]),
        (.modelDelta(ModelDeltaEvent(step: "turn/1/model", text: "It ship")), ["step": "turn/1/model", "text": "It ship"]),
        (.reasoningStep(ReasoningStepEvent(step: "turn/1/model", text: "Let me look the order up.")),
         ["step": "turn/1/model", "text": "Let me look the order up."]),
        (.toolStarted(ToolStartedEvent(callID: "call_1", name: "lookup", arguments: ["order": "A-1"], step: "turn/1/tool/call_1")),
         ["call_id": "call_1", "name": "lookup", "arguments": ["order": "A-1"], "step": "turn/1/tool/call_1"]),
        (.toolFinished(ToolFinishedEvent(callID: "call_1", name: "lookup", output: "{\"status\":\"shipped\"}", durationMS: 12.4)),
         ["call_id": "call_1", "name": "lookup", "output": "{\"status\":\"shipped\"}", "duration_ms": 12.4]),
        (.toolFailed(ToolFailedEvent(callID: "call_1", name: "lookup", arguments: ["order": "A-1"], error: "timed out after 30s",
                                     durationMS: 30000)),
         ["call_id": "call_1", "name": "lookup", "arguments": ["order": "A-1"], "error": "timed out after 30s", "duration_ms": 30000]),
        (.toolFailed(ToolFailedEvent(callID: "call_2", name: "drop_tables", arguments: [:], error: "unknown tool 'drop_tables'",
                                     durationMS: 0.01, unknownTool: true)),
         ["call_id": "call_2", "name": "drop_tables", "arguments": [:], "error": "unknown tool 'drop_tables'", "duration_ms": 0.01,
          "unknown_tool": true]),
        (.delegationStarted(DelegationStartedEvent(agent: "billing", callID: "call_9", childRunID: "run_p.turn-1-tool-call_9")),
         ["agent": "billing", "call_id": "call_9", "child_run_id": "run_p.turn-1-tool-call_9"]),
        (.delegationFinished(DelegationFinishedEvent(agent: "billing", childRunID: "run_p.turn-1-tool-call_9", isError: false)),
         ["agent": "billing", "child_run_id": "run_p.turn-1-tool-call_9", "is_error": false]),
        (.guardrailVerdict(GuardrailVerdictEvent()), [:]),
        (.checkpoint(CheckpointEvent(raw: ["note": "kept as given"])), ["note": "kept as given"]),
    ]
}

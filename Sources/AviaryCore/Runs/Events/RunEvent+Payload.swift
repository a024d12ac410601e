extension RunEvent {
    /// An event's typed `data`: one case per ``Kind``, each with its ``RunEventPayload`` type.
    /// Consumers switch on it (``RunEvent/payload``) instead of reading string keys.
    public enum Payload: Sendable, Hashable {
        /// ``RunEvent/Kind/runStarted``: see ``RunStartedEvent``.
        case runStarted(RunStartedEvent)
        /// ``RunEvent/Kind/runResumed``: see ``RunResumedEvent``.
        case runResumed(RunResumedEvent)
        /// ``RunEvent/Kind/runFinished``: see ``RunFinishedEvent``.
        case runFinished(RunFinishedEvent)
        /// ``RunEvent/Kind/runFailed``: see ``RunFailedEvent``.
        case runFailed(RunFailedEvent)
        /// ``RunEvent/Kind/runCancelled``: see ``RunCancelledEvent``.
        case runCancelled(RunCancelledEvent)
        /// ``RunEvent/Kind/runNeedsAttention``: see ``RunNeedsAttentionEvent``.
        case runNeedsAttention(RunNeedsAttentionEvent)
        /// ``RunEvent/Kind/runInterrupted``: see ``RunInterruptedEvent``.
        case runInterrupted(RunInterruptedEvent)
        /// ``RunEvent/Kind/runWaiting``: see ``RunWaitingEvent``.
        case runWaiting(RunWaitingEvent)
        /// ``RunEvent/Kind/modelRequest``: see ``ModelRequestEvent``.
        case modelRequest(ModelRequestEvent)
        /// ``RunEvent/Kind/modelResponse``: see ``ModelResponseEvent``.
        case modelResponse(ModelResponseEvent)
        /// ``RunEvent/Kind/modelFailed``: see ``ModelFailedEvent``.
        case modelFailed(ModelFailedEvent)
        /// ``RunEvent/Kind/modelDelta``: see ``ModelDeltaEvent``.
        case modelDelta(ModelDeltaEvent)
        /// ``RunEvent/Kind/toolStarted``: see ``ToolStartedEvent``.
        case toolStarted(ToolStartedEvent)
        /// ``RunEvent/Kind/toolFinished``: see ``ToolFinishedEvent``.
        case toolFinished(ToolFinishedEvent)
        /// ``RunEvent/Kind/toolFailed``: see ``ToolFailedEvent``.
        case toolFailed(ToolFailedEvent)
        /// ``RunEvent/Kind/reasoningStep``: see ``ReasoningStepEvent``.
        case reasoningStep(ReasoningStepEvent)
        /// ``RunEvent/Kind/delegationStarted``: see ``DelegationStartedEvent``.
        case delegationStarted(DelegationStartedEvent)
        /// ``RunEvent/Kind/delegationFinished``: see ``DelegationFinishedEvent``.
        case delegationFinished(DelegationFinishedEvent)
        /// ``RunEvent/Kind/guardrailVerdict``: see ``GuardrailVerdictEvent``.
        case guardrailVerdict(GuardrailVerdictEvent)
        /// ``RunEvent/Kind/checkpoint``: see ``CheckpointEvent``.
        case checkpoint(CheckpointEvent)
        /// ``RunEvent/Kind/approvalRequested``: see ``ApprovalRequestedEvent``.
        case approvalRequested(ApprovalRequestedEvent)
        /// ``RunEvent/Kind/approvalGranted``: see ``ApprovalGrantedEvent``.
        case approvalGranted(ApprovalGrantedEvent)
        /// ``RunEvent/Kind/approvalDenied``: see ``ApprovalDeniedEvent``.
        case approvalDenied(ApprovalDeniedEvent)
        /// ``RunEvent/Kind/approvalExpired``: see ``ApprovalExpiredEvent``.
        case approvalExpired(ApprovalExpiredEvent)
        /// ``RunEvent/Kind/nodeStarted``: see ``NodeStartedEvent``.
        case nodeStarted(NodeStartedEvent)
        /// ``RunEvent/Kind/nodeFinished``: see ``NodeFinishedEvent``.
        case nodeFinished(NodeFinishedEvent)
        /// ``RunEvent/Kind/nodeFailed``: see ``NodeFailedEvent``.
        case nodeFailed(NodeFailedEvent)
        /// ``RunEvent/Kind/nodeRetrying``: see ``NodeRetryingEvent``.
        case nodeRetrying(NodeRetryingEvent)
        /// ``RunEvent/Kind/nodeSkipped``: see ``NodeSkippedEvent``.
        case nodeSkipped(NodeSkippedEvent)
        /// ``RunEvent/Kind/nodeProgress``: see ``NodeProgressEvent``.
        case nodeProgress(NodeProgressEvent)

        /// Reads `data` as the payload of `kind`.
        public init(kind: Kind, data: JSONValue) throws(RunEventDataError) {
            switch kind {
            case .runStarted: self = .runStarted(try RunStartedEvent(data: data))
            case .runResumed: self = .runResumed(try RunResumedEvent(data: data))
            case .runFinished: self = .runFinished(try RunFinishedEvent(data: data))
            case .runFailed: self = .runFailed(try RunFailedEvent(data: data))
            case .runCancelled: self = .runCancelled(try RunCancelledEvent(data: data))
            case .runNeedsAttention: self = .runNeedsAttention(try RunNeedsAttentionEvent(data: data))
            case .runInterrupted: self = .runInterrupted(try RunInterruptedEvent(data: data))
            case .runWaiting: self = .runWaiting(try RunWaitingEvent(data: data))
            case .modelRequest: self = .modelRequest(try ModelRequestEvent(data: data))
            case .modelResponse: self = .modelResponse(try ModelResponseEvent(data: data))
            case .modelFailed: self = .modelFailed(try ModelFailedEvent(data: data))
            case .modelDelta: self = .modelDelta(try ModelDeltaEvent(data: data))
            case .toolStarted: self = .toolStarted(try ToolStartedEvent(data: data))
            case .toolFinished: self = .toolFinished(try ToolFinishedEvent(data: data))
            case .toolFailed: self = .toolFailed(try ToolFailedEvent(data: data))
            case .reasoningStep: self = .reasoningStep(try ReasoningStepEvent(data: data))
            case .delegationStarted: self = .delegationStarted(try DelegationStartedEvent(data: data))
            case .delegationFinished: self = .delegationFinished(try DelegationFinishedEvent(data: data))
            case .guardrailVerdict: self = .guardrailVerdict(try GuardrailVerdictEvent(data: data))
            case .checkpoint: self = .checkpoint(try CheckpointEvent(data: data))
            case .approvalRequested: self = .approvalRequested(try ApprovalRequestedEvent(data: data))
            case .approvalGranted: self = .approvalGranted(try ApprovalGrantedEvent(data: data))
            case .approvalDenied: self = .approvalDenied(try ApprovalDeniedEvent(data: data))
            case .approvalExpired: self = .approvalExpired(try ApprovalExpiredEvent(data: data))
            case .nodeStarted: self = .nodeStarted(try NodeStartedEvent(data: data))
            case .nodeFinished: self = .nodeFinished(try NodeFinishedEvent(data: data))
            case .nodeFailed: self = .nodeFailed(try NodeFailedEvent(data: data))
            case .nodeRetrying: self = .nodeRetrying(try NodeRetryingEvent(data: data))
            case .nodeSkipped: self = .nodeSkipped(try NodeSkippedEvent(data: data))
            case .nodeProgress: self = .nodeProgress(try NodeProgressEvent(data: data))
            }
        }

        /// The typed value of the case.
        public var value: any RunEventPayload {
            switch self {
            case .runStarted(let p): return p
            case .runResumed(let p): return p
            case .runFinished(let p): return p
            case .runFailed(let p): return p
            case .runCancelled(let p): return p
            case .runNeedsAttention(let p): return p
            case .runInterrupted(let p): return p
            case .runWaiting(let p): return p
            case .modelRequest(let p): return p
            case .modelResponse(let p): return p
            case .modelFailed(let p): return p
            case .modelDelta(let p): return p
            case .toolStarted(let p): return p
            case .toolFinished(let p): return p
            case .toolFailed(let p): return p
            case .reasoningStep(let p): return p
            case .delegationStarted(let p): return p
            case .delegationFinished(let p): return p
            case .guardrailVerdict(let p): return p
            case .checkpoint(let p): return p
            case .approvalRequested(let p): return p
            case .approvalGranted(let p): return p
            case .approvalDenied(let p): return p
            case .approvalExpired(let p): return p
            case .nodeStarted(let p): return p
            case .nodeFinished(let p): return p
            case .nodeFailed(let p): return p
            case .nodeRetrying(let p): return p
            case .nodeSkipped(let p): return p
            case .nodeProgress(let p): return p
            }
        }

        /// The event kind.
        public var kind: Kind { type(of: value).kind }

        /// The wire `data`.
        public var data: JSONValue { value.data }
    }
}

extension RunEvent.Kind {
    /// The ``RunEventPayload`` type of this kind's `data`.
    public var payloadType: any RunEventPayload.Type {
        switch self {
        case .runStarted: return RunStartedEvent.self
        case .runResumed: return RunResumedEvent.self
        case .runFinished: return RunFinishedEvent.self
        case .runFailed: return RunFailedEvent.self
        case .runCancelled: return RunCancelledEvent.self
        case .runNeedsAttention: return RunNeedsAttentionEvent.self
        case .runInterrupted: return RunInterruptedEvent.self
        case .runWaiting: return RunWaitingEvent.self
        case .modelRequest: return ModelRequestEvent.self
        case .modelResponse: return ModelResponseEvent.self
        case .modelFailed: return ModelFailedEvent.self
        case .modelDelta: return ModelDeltaEvent.self
        case .toolStarted: return ToolStartedEvent.self
        case .toolFinished: return ToolFinishedEvent.self
        case .toolFailed: return ToolFailedEvent.self
        case .reasoningStep: return ReasoningStepEvent.self
        case .delegationStarted: return DelegationStartedEvent.self
        case .delegationFinished: return DelegationFinishedEvent.self
        case .guardrailVerdict: return GuardrailVerdictEvent.self
        case .checkpoint: return CheckpointEvent.self
        case .approvalRequested: return ApprovalRequestedEvent.self
        case .approvalGranted: return ApprovalGrantedEvent.self
        case .approvalDenied: return ApprovalDeniedEvent.self
        case .approvalExpired: return ApprovalExpiredEvent.self
        case .nodeStarted: return NodeStartedEvent.self
        case .nodeFinished: return NodeFinishedEvent.self
        case .nodeFailed: return NodeFailedEvent.self
        case .nodeRetrying: return NodeRetryingEvent.self
        case .nodeSkipped: return NodeSkippedEvent.self
        case .nodeProgress: return NodeProgressEvent.self
        }
    }
}

import AviaryCore
import Foundation
import Testing

@Suite struct RunEventPayloadTests {
    @Test(arguments: RunEvent.Kind.allCases)
    func everyKindHasATypeAndASample(kind: RunEvent.Kind) throws {
        #expect(kind.payloadType.kind == kind)
        let sample = try #require(RunEventSamples.byKind[kind], "no sample for \(kind.rawValue)")
        #expect(sample.payload.kind == kind)
    }

    @Test(arguments: RunEventSamples.all.indices)
    func roundTripsWithTodaysWireShape(index: Int) throws {
        let (payload, expected) = RunEventSamples.all[index]
        // typed → data: the JSON the runtime writes, byte for byte
        #expect(payload.data == expected)
        #expect(payload.data.jsonString == expected.jsonString)
        // data → typed: the same value back, through the kind
        #expect(try RunEvent.Payload(kind: payload.kind, data: expected) == payload)
        // and through an event built from the typed payload
        let event = RunEvent(runID: "run_1", sequence: 3, tenant: "acme", payload)
        #expect(event.kind == payload.kind)
        #expect(event.data == expected)
        #expect(try event.payload == payload)
        let fields = type(of: payload.value).fields
        let keys = Set((expected.objectValue ?? [:]).keys)
        if !fields.isEmpty { #expect(keys.isSubset(of: fields)) }
    }

    @Test func typedConstructorTakesTheKindOfItsType() throws {
        let event = RunEvent(runID: "run_1", sequence: 1, timestamp: Date(timeIntervalSince1970: 0), tenant: "acme",
                             ToolFinishedEvent(callID: "c1", name: "lookup", output: "ok", durationMS: 1))
        #expect(event.kind == .toolFinished)
        #expect(event.data == ["call_id": "c1", "name": "lookup", "output": "ok", "duration_ms": 1])
        let read = try event.payload(as: ToolFinishedEvent.self)
        #expect(read.output == "ok")
        #expect(throws: RunEventDataError.self) { try event.payload(as: ToolStartedEvent.self) }
    }

    @Test func missingNonIdentifyingMembersReadAsAbsent() throws {
        // events written by hand or by older versions: only what identifies the event is required
        let started = try ToolStartedEvent(data: ["call_id": "c", "name": "t"])
        #expect(started.arguments == .null)
        #expect(started.step == nil)
        let response = try ModelResponseEvent(data: ["step": "s", "model": "m", "usage": ["input_tokens": 5]])
        #expect(response.usage == Usage(inputTokens: 5))
        #expect(response.costUSD == nil && response.finishReason == nil && response.latencyMS == nil && response.toolCalls.isEmpty)
        let finished = try RunFinishedEvent(data: [:])
        #expect(finished.output == .null && finished.usage == nil)
        #expect(try RunStartedEvent(data: ["agent": "a", "parent_run_id": nil]).parentRunID == nil)
        #expect(try ToolFailedEvent(data: ["call_id": "c", "name": "t"]).unknownTool == false)
    }

    @Test func missingRequiredMemberThrows() {
        let error = #expect(throws: RunEventDataError.self) { try ToolFinishedEvent(data: ["name": "lookup", "output": "x"]) }
        #expect(error?.isMissingField == true)
        #expect(error?.field == "call_id")
        #expect(error?.kind == .toolFinished)
        #expect(error?.description == "tool.finished event data lacks 'call_id'")
        #expect(throws: RunEventDataError.self) { try RunEvent.Payload(kind: .approvalRequested, data: ["step": "s"]) }
    }

    @Test func wrongTypesThrow() {
        let error = #expect(throws: RunEventDataError.self) {
            try ToolFinishedEvent(data: ["call_id": "c", "name": "t", "duration_ms": "12"])
        }
        #expect(error?.field == "duration_ms")
        #expect(error?.isMissingField == false)
        #expect(error?.description == "tool.finished event data member 'duration_ms' is string, not number")
        #expect(throws: RunEventDataError.self) { try ModelRequestEvent(data: ["step": "s", "model": "m", "messages": 1.5]) }
        #expect(throws: RunEventDataError.self) { try ModelResponseEvent(data: ["step": "s", "model": "m", "tool_calls": [1]]) }
        #expect(throws: RunEventDataError.self) { try ModelResponseEvent(data: ["step": "s", "model": "m", "finish_reason": "bored"]) }
        #expect(throws: RunEventDataError.self) { try ApprovalExpiredEvent(data: ["step": "s", "tool": "t", "call_id": "c", "by": "system",
                                                                                  "on_expiry": "explode"]) }
        #expect(throws: RunEventDataError.self) { try ApprovalRequestedEvent(data: ["step": "s", "request": ["tool": "t"]]) }
        #expect(throws: RunEventDataError.self) { try RunResumedEvent(data: "support") }
        #expect(throws: RunEventDataError.self) { try CheckpointEvent(data: .null) }
    }

    @Test func debugOnlyFieldsAreDeclaredFields() {
        for kind in RunEvent.Kind.allCases {
            let type = kind.payloadType
            #expect(type.debugOnlyFields.isSubset(of: type.fields), "\(kind.rawValue)")
            #expect(type.optionalFields.isSubset(of: type.fields), "\(kind.rawValue)")
            #expect(Set(type.fields).count == type.fields.count, "\(kind.rawValue) lists a field twice")
        }
        #expect(RunEvent.Kind.allCases.filter { !$0.payloadType.debugOnlyFields.isEmpty }
                    == [.toolStarted, .toolFinished, .toolFailed, .reasoningStep, .nodeFinished])
    }
}

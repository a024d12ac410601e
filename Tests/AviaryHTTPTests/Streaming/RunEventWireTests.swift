import AviaryCore
import AviaryHTTP
import Foundation
import Testing

@Suite struct RunEventWireTests {
    private let at = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func theProductionViewLeavesOutEachTypesDebugOnlyFields() {
        let payloads: [RunEvent.Payload] = [
            .toolStarted(ToolStartedEvent(callID: "c1", name: "lookup", arguments: ["order": "A-1"], step: "turn/1/tool/c1")),
            .toolFinished(ToolFinishedEvent(callID: "c1", name: "lookup", output: "shipped", durationMS: 2)),
            .toolFailed(ToolFailedEvent(callID: "c1", name: "lookup", arguments: ["order": "A-1"], error: "boom", durationMS: 2)),
            .reasoningStep(ReasoningStepEvent(step: "turn/1/model", text: "thinking")),
            .modelRequest(ModelRequestEvent(step: "turn/1/model", model: "m", messages: 2, tools: 1)),
        ]
        for payload in payloads {
            let event = RunEvent(runID: "run_1", sequence: 4, timestamp: at, tenant: "acme", payload)
            let hidden = payload.kind.payloadType.debugOnlyFields
            let production = event.wireJSON(view: .production)["data"]?.objectValue ?? [:]
            let full = event.wireJSON(view: .full)["data"]
            #expect(full == payload.data, "\(payload.kind.rawValue): the full view is the data as written")
            #expect(Set(production.keys) == Set(payload.data.objectValue?.keys.map { $0 } ?? []).subtracting(hidden), "\(payload.kind.rawValue)")
        }
    }

    @Test func membersNoTypeDeclaresPassThrough() {
        let event = RunEvent(runID: "run_1", sequence: 1, timestamp: at, tenant: "acme", kind: .toolFinished,
                             data: ["call_id": "c1", "name": "lookup", "output": "x", "duration_ms": 1, "future_member": true])
        #expect(event.wireJSON(view: .production)["data"] == ["call_id": "c1", "name": "lookup", "duration_ms": 1, "future_member": true])
        #expect(event.serverSentEvent.data == #"{"data":{"call_id":"c1","duration_ms":1,"future_member":true,"name":"lookup","output":"x"},"kind":"tool.finished","run_id":"run_1","sequence":1,"timestamp":"2027-01-15T08:00:00.000Z"}"#)
    }
}

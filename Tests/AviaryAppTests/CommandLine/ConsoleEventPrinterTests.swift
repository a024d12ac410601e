@testable import AviaryApp
import AviaryCore
import Testing

@Suite struct ConsoleEventPrinterTests {
    private func line(_ payload: RunEvent.Payload) -> String? {
        ConsoleEventPrinter.line(for: RunEvent(runID: "run_1", sequence: 1, tenant: "acme", payload))
    }

    @Test func toolDelegationReasoningAndModelFailureLines() {
        #expect(line(.toolStarted(ToolStartedEvent(callID: "c1", name: "lookup", arguments: ["order": "A-1"], step: "turn/1/tool/c1")))
                == #"  → lookup {"order":"A-1"}"#)
        #expect(line(.toolFinished(ToolFinishedEvent(callID: "c1", name: "lookup", output: "shipped", durationMS: 12.345)))
                == "  ← lookup (12.3 ms) shipped")
        #expect(line(.toolFinished(ToolFinishedEvent(callID: "c1", name: "lookup", output: String(repeating: "x", count: 200), durationMS: nil)))
                == "  ← lookup (? ms) \(String(repeating: "x", count: 160))…")
        #expect(line(.toolFailed(ToolFailedEvent(callID: "c1", name: "lookup", arguments: [:], error: "timed out", durationMS: 1)))
                == "  ✗ lookup: timed out")
        #expect(line(.delegationStarted(DelegationStartedEvent(agent: "billing", callID: "c9", childRunID: "run_1.turn-1-tool-c9")))
                == "  ↳ delegating to billing (run run_1.turn-1-tool-c9)")
        #expect(line(.reasoningStep(ReasoningStepEvent(step: "turn/1/model", text: "Looking it up."))) == "  · Looking it up.")
        #expect(line(.modelFailed(ModelFailedEvent(step: "turn/1/model", model: "m", error: "HTTP 529"))) == "  ✗ model: HTTP 529")
    }

    @Test func otherEventsAndMalformedDataPrintNothing() {
        #expect(line(.runStarted(RunStartedEvent(agent: "support", input: "hi"))) == nil)
        #expect(line(.modelDelta(ModelDeltaEvent(step: "turn/1/model", text: "It"))) == nil)
        #expect(ConsoleEventPrinter.line(for: RunEvent(runID: "run_1", sequence: 1, tenant: "acme", kind: .toolStarted, data: ["name": "x"])) == nil)
    }
}

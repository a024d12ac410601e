import AviaryCore
import Foundation

/// Prints run events to standard error as they happen (`--verbose`).
struct ConsoleEventSink: EventSink {
    let verbose: Bool

    func receive(_ event: RunEvent) async {
        guard verbose else { return }
        let d = event.data
        switch event.kind {
        case .toolStarted:
            printError("  → \(d["name"]?.stringValue ?? "?") \(d["arguments"]?.jsonString ?? "{}")")
        case .toolFinished:
            let out = d["output"]?.stringValue ?? ""
            printError("  ← \(d["name"]?.stringValue ?? "?") (\(format(d["duration_ms"])) ms) \(out.prefix(160))\(out.count > 160 ? "…" : "")")
        case .toolFailed:
            printError("  ✗ \(d["name"]?.stringValue ?? "?"): \(d["error"]?.stringValue ?? "")")
        case .delegationStarted:
            printError("  ↳ delegating to \(d["agent"]?.stringValue ?? "?") (run \(d["child_run_id"]?.stringValue ?? ""))")
        case .reasoningStep:
            printError("  · \(d["text"]?.stringValue?.prefix(200) ?? "")")
        case .modelFailed:
            printError("  ✗ model: \(d["error"]?.stringValue ?? "")")
        default:
            break
        }
    }

    private func format(_ v: JSONValue?) -> String {
        guard let n = v?.numberValue else { return "?" }
        return String(format: "%.1f", n)
    }
}

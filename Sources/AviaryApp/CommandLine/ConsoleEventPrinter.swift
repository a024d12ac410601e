import AviaryCore
import Foundation

/// Prints a run's tool calls, delegations, reasoning and model failures as they happen, one line
/// each (`aviary chat --verbose`, `aviary runs resume --verbose`).
public struct ConsoleEventPrinter: EventSink {
    /// Print anything at all (false: a silent sink).
    public let verbose: Bool
    /// Where the lines go (standard error in the CLI).
    public let write: @Sendable (String) -> Void

    /// Creates a printer.
    public init(verbose: Bool, write: @escaping @Sendable (String) -> Void) {
        self.verbose = verbose
        self.write = write
    }

    public func receive(_ event: RunEvent) async {
        guard verbose, let line = Self.line(for: event) else { return }
        write(line)
    }

    /// The line shown for an event, or nil for events the console does not show.
    static func line(for event: RunEvent) -> String? {
        let d = event.data
        switch event.kind {
        case .toolStarted:
            return "  → \(d["name"]?.stringValue ?? "?") \(d["arguments"]?.jsonString ?? "{}")"
        case .toolFinished:
            let out = d["output"]?.stringValue ?? ""
            return "  ← \(d["name"]?.stringValue ?? "?") (\(milliseconds(d["duration_ms"])) ms) \(out.prefix(160))\(out.count > 160 ? "…" : "")"
        case .toolFailed:
            return "  ✗ \(d["name"]?.stringValue ?? "?"): \(d["error"]?.stringValue ?? "")"
        case .delegationStarted:
            return "  ↳ delegating to \(d["agent"]?.stringValue ?? "?") (run \(d["child_run_id"]?.stringValue ?? ""))"
        case .reasoningStep:
            return "  · \(d["text"]?.stringValue?.prefix(200) ?? "")"
        case .modelFailed:
            return "  ✗ model: \(d["error"]?.stringValue ?? "")"
        default:
            return nil
        }
    }

    private static func milliseconds(_ value: JSONValue?) -> String {
        guard let n = value?.numberValue else { return "?" }
        return String(format: "%.1f", n)
    }
}

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

    /// The line shown for an event, or nil for events the console does not show (and for data
    /// that does not have its kind's shape).
    static func line(for event: RunEvent) -> String? {
        guard let payload = try? event.payload else { return nil }
        switch payload {
        case .toolStarted(let e):
            return "  → \(e.name) \(e.arguments.isNull ? "{}" : e.arguments.jsonString)"
        case .toolFinished(let e):
            let out = e.output ?? ""
            return "  ← \(e.name) (\(milliseconds(e.durationMS)) ms) \(out.prefix(160))\(out.count > 160 ? "…" : "")"
        case .toolFailed(let e):
            return "  ✗ \(e.name): \(e.error ?? "")"
        case .delegationStarted(let e):
            return "  ↳ delegating to \(e.agent) (run \(e.childRunID))"
        case .reasoningStep(let e):
            return "  · \(e.text?.prefix(200) ?? "")"
        case .modelFailed(let e):
            return "  ✗ model: \(e.error ?? "")"
        default:
            return nil
        }
    }

    private static func milliseconds(_ value: Double?) -> String {
        guard let value else { return "?" }
        return String(format: "%.1f", value)
    }
}

import AviaryCore
import Foundation

/// Prints a workflow run's progress as it happens (`aviary run`): each node as it starts and
/// ends (with its duration, or its error), retries and skips, and a progress bar for `map` nodes.
public struct WorkflowProgressPrinter: EventSink {
    /// Where the lines go (standard error in the CLI).
    public let write: @Sendable (String) -> Void

    /// Creates a printer.
    public init(write: @escaping @Sendable (String) -> Void) { self.write = write }

    public func receive(_ event: RunEvent) async {
        if let line = Self.line(for: event) { write(line) }
    }

    /// The line shown for an event, or nil for events not shown.
    static func line(for event: RunEvent) -> String? {
        guard let payload = try? event.payload else { return nil }
        switch payload {
        case .nodeStarted(let e):
            return "▶ \(e.node) (\(e.type)\(e.attempt > 1 ? ", attempt \(e.attempt)" : ""))"
        case .nodeFinished(let e):
            let shown = e.output.jsonString
            return "✔ \(e.node) \(duration(e.durationMS))  \(shown.prefix(120))\(shown.count > 120 ? "…" : "")"
        case .nodeFailed(let e):
            return "✗ \(e.node) \(duration(e.durationMS))  \(e.error)"
        case .nodeRetrying(let e):
            return "↻ \(e.node) attempt \(e.attempt) failed (\(e.error)); retrying in \(duration(e.delayMS))"
        case .nodeSkipped(let e):
            return "– \(e.node) skipped: \(e.reason)"
        case .nodeProgress(let e):
            return "  \(e.node) \(bar(done: e.done, total: e.total)) \(e.done)/\(e.total)\(e.failed > 0 ? " (\(e.failed) failed)" : "")"
        case .approvalRequested(let e):
            return "⏸ \(e.step): waiting for \(e.request.kind == .input ? "input" : "approval"): \(e.request.summary)"
        default:
            return nil
        }
    }

    /// `[#######-------------]`, 20 wide.
    static func bar(done: Int, total: Int) -> String {
        let filled = total > 0 ? min(20, done * 20 / total) : 20
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: 20 - filled) + "]"
    }

    static func duration(_ ms: Double) -> String {
        ms >= 1000 ? String(format: "%.1f s", ms / 1000) : String(format: "%.0f ms", ms)
    }
}

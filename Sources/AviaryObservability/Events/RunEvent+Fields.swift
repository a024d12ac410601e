import AviaryCore
import Foundation

extension RunEvent {
    /// How the run ended, for terminal run events.
    var outcome: RunOutcome? {
        switch kind {
        case .runFinished: .completed
        case .runFailed: .failed
        case .runCancelled: .cancelled
        case .runNeedsAttention: .needsAttention
        case .runInterrupted: .interrupted
        case .runWaiting: .waiting
        default: nil
        }
    }

    /// Seconds since 1970 of ``timestamp``.
    var seconds: Double { timestamp.timeIntervalSince1970 }
}

extension String {
    /// The string, or `fallback` when it is empty (a label value or span name part never is).
    func nonEmpty(or fallback: String = MetricLabel.unknown) -> String { isEmpty ? fallback : self }
}

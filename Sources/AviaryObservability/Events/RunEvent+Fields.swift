import AviaryCore
import Foundation

extension RunEvent {
    /// A string member of ``data``.
    func string(_ key: String) -> String? { data[key]?.stringValue }

    /// A numeric member of ``data``.
    func number(_ key: String) -> Double? { data[key]?.numberValue }

    /// A non-empty string member of ``data``, or `fallback`.
    func label(_ key: String, or fallback: String = MetricLabel.unknown) -> String {
        guard let value = data[key]?.stringValue, !value.isEmpty else { return fallback }
        return value
    }

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

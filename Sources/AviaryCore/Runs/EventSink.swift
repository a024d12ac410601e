/// Receives run events as they happen (console output, SSE fan-out, metrics).
public protocol EventSink: Sendable {
    /// Called once per event, in sequence order per run.
    func receive(_ event: RunEvent) async
}

/// A sink that forwards to a closure.
public struct ClosureEventSink: EventSink {
    private let body: @Sendable (RunEvent) async -> Void
    /// Wraps a closure.
    public init(_ body: @escaping @Sendable (RunEvent) async -> Void) { self.body = body }
    public func receive(_ event: RunEvent) async { await body(event) }
}

/// Delivers each event to several sinks in order (console, live hub, metrics, traces).
public struct MulticastEventSink: EventSink {
    /// The sinks, called in this order.
    public let sinks: [any EventSink]
    /// Wraps sinks.
    public init(_ sinks: [any EventSink]) { self.sinks = sinks }
    public func receive(_ event: RunEvent) async {
        for sink in sinks { await sink.receive(event) }
    }
}

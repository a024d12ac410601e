import AviaryCore

/// One subscription to a run's live events (see ``RunEventHub/subscribe(_:)``), plus ticks
/// that its reader schedules for itself (heartbeats, store polls).
public struct RunEventFeed: Sendable {
    /// What the feed delivers.
    public enum Item: Sendable {
        /// A live event.
        case event(RunEvent)
        /// A timer tick requested by ``tick()``.
        case tick
    }

    /// Events of the current execution the hub held when the subscription began.
    public let backlog: [RunEvent]
    /// Whether the run was executing in this process when the subscription began.
    public let wasExecuting: Bool
    /// Live items, in arrival order (events of parallel steps may arrive out of sequence order).
    public let items: AsyncStream<Item>
    let continuation: AsyncStream<Item>.Continuation

    /// Adds a tick to the feed.
    public func tick() { continuation.yield(.tick) }

    /// Ends the subscription.
    public func cancel() { continuation.finish() }
}

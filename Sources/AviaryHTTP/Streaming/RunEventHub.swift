import AviaryCore
import Synchronization

/// Fans live run events out to subscribers (SSE streams, the OpenAI facade). An ``EventSink``:
/// the runtime delivers every event here as it happens, before it is persisted. For each run
/// executing in this process the hub keeps the events of the current execution, so a subscriber
/// that arrives late loses nothing that the store has not caught up with yet.
public final class RunEventHub: EventSink, Sendable {
    private struct Channel {
        var buffer: [RunEvent] = []
        var subscribers: [UInt64: AsyncStream<RunEventFeed.Item>.Continuation] = [:]
        var executing = false
    }

    private struct State {
        var channels: [RunID: Channel] = [:]
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())
    private let bufferLimit: Int

    /// Creates a hub keeping at most `bufferLimit` events per executing run.
    public init(bufferLimit: Int = 5_000) { self.bufferLimit = bufferLimit }

    public func receive(_ event: RunEvent) async {
        let subscribers = state.withLock { state -> [AsyncStream<RunEventFeed.Item>.Continuation] in
            var channel = state.channels[event.runID] ?? Channel()
            if event.kind == .runStarted || event.kind == .runResumed {
                channel.executing = true
                channel.buffer.removeAll(keepingCapacity: true)
            }
            if channel.executing && !event.isTransient {
                if channel.buffer.count >= bufferLimit { channel.buffer.removeFirst(channel.buffer.count / 2) }
                channel.buffer.append(event)
            }
            if event.endsExecution {
                channel.executing = false
                channel.buffer = []
            }
            let subscribers = Array(channel.subscribers.values)
            if !channel.executing && channel.subscribers.isEmpty {
                state.channels[event.runID] = nil
            } else {
                state.channels[event.runID] = channel
            }
            return subscribers
        }
        for s in subscribers { s.yield(.event(event)) }
    }

    /// Subscribes to a run's live events. The feed starts with the events of the current
    /// execution that the hub still holds (``RunEventFeed/backlog``). Cancel the feed when done.
    public func subscribe(_ runID: RunID) -> RunEventFeed {
        let (stream, continuation) = AsyncStream<RunEventFeed.Item>.makeStream()
        let (id, backlog, executing) = state.withLock { state -> (UInt64, [RunEvent], Bool) in
            let id = state.nextID
            state.nextID += 1
            var channel = state.channels[runID] ?? Channel()
            channel.subscribers[id] = continuation
            state.channels[runID] = channel
            return (id, channel.buffer, channel.executing)
        }
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(runID, id) }
        return RunEventFeed(backlog: backlog, wasExecuting: executing, items: stream, continuation: continuation)
    }

    /// True while the run executes in this process (between its start/resume and end events).
    public func isExecuting(_ runID: RunID) -> Bool { state.withLock { $0.channels[runID]?.executing ?? false } }

    /// Runs with a channel (executing or watched); for tests and metrics.
    public var channelCount: Int { state.withLock { $0.channels.count } }

    private func unsubscribe(_ runID: RunID, _ id: UInt64) {
        state.withLock { state in
            guard var channel = state.channels[runID] else { return }
            channel.subscribers[id] = nil
            state.channels[runID] = (!channel.executing && channel.subscribers.isEmpty) ? nil : channel
        }
    }
}

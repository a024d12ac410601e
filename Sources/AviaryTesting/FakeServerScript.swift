import AviaryCore
import Synchronization

/// The shared state of a fake server: a queue of scripted replies, every request received and
/// failures (requests that arrived with no reply left). Thread-safe.
public final class FakeServerScript: Sendable {
    private struct State {
        var replies: [FakeReply]
        var requests: [FakeRecordedRequest] = []
        var failures: [String] = []
    }

    private let state: Mutex<State>

    /// Creates a script with replies served in order.
    public init(replies: [FakeReply] = []) {
        state = Mutex(State(replies: replies))
    }

    /// Appends replies to the queue.
    public func enqueue(_ replies: FakeReply...) {
        state.withLock { $0.replies.append(contentsOf: replies) }
    }

    /// Every request received so far, in order.
    public var requests: [FakeRecordedRequest] { state.withLock { $0.requests } }

    /// Requests that found no scripted reply (each was answered 500).
    public var failures: [String] { state.withLock { $0.failures } }

    /// Scripted replies not yet served.
    public var remainingReplies: [FakeReply] { state.withLock { $0.replies } }

    /// Records a request and takes the next reply; `nil` (and a recorded failure) when none is left.
    func take(_ request: FakeRecordedRequest) -> (number: Int, reply: FakeReply?) {
        state.withLock { state in
            state.requests.append(request)
            let number = state.requests.count
            guard !state.replies.isEmpty else {
                state.failures.append("unexpected request #\(number): \(request.method) \(request.path) "
                    + "with no scripted reply left; body: \(request.rawBody.prefix(500))")
                return (number, nil)
            }
            return (number, state.replies.removeFirst())
        }
    }

    /// Records a request that is not scripted (for example `GET /v1/models`).
    func record(_ request: FakeRecordedRequest) {
        state.withLock { $0.requests.append(request) }
    }
}

import AviaryCore
import Synchronization

/// The script of the fake model servers (``FakeOpenAIServer``, ``FakeAnthropicServer``).
public typealias FakeServerScript = FakeScript<FakeReply>

/// The shared state of a fake server: a queue of scripted replies, every request received and
/// failures (requests that arrived with no reply left, unless a fallback answers them). Thread-safe.
public final class FakeScript<Reply: Sendable>: Sendable {
    private struct State {
        var replies: [Reply]
        var requests: [FakeRecordedRequest] = []
        var failures: [String] = []
    }

    private let state: Mutex<State>
    /// The reply to requests that find the queue empty; `nil` makes them failures.
    public let fallback: Reply?

    /// Creates a script with replies served in order, then `fallback` (if any) for every later request.
    public init(replies: [Reply] = [], fallback: Reply? = nil) {
        state = Mutex(State(replies: replies))
        self.fallback = fallback
    }

    /// Appends replies to the queue.
    public func enqueue(_ replies: Reply...) {
        state.withLock { $0.replies.append(contentsOf: replies) }
    }

    /// Every request received so far, in order.
    public var requests: [FakeRecordedRequest] { state.withLock { $0.requests } }

    /// Requests that found no scripted reply (each was answered 500).
    public var failures: [String] { state.withLock { $0.failures } }

    /// Scripted replies not yet served.
    public var remainingReplies: [Reply] { state.withLock { $0.replies } }

    /// Records a request and takes the next reply, else the fallback; `nil` (and a recorded failure)
    /// when neither is left.
    func take(_ request: FakeRecordedRequest) -> (number: Int, reply: Reply?) {
        state.withLock { state in
            state.requests.append(request)
            let number = state.requests.count
            guard !state.replies.isEmpty else {
                if let fallback { return (number, fallback) }
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

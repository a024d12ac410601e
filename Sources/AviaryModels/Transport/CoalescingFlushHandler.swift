import NIOCore

/// Merges the flushes one event-loop turn makes on a connection into one, so a request goes to
/// the socket in one `writev` instead of one `write` per flush.
///
/// AsyncHTTPClient flushes a request's head as soon as it is encoded and then, in the same call,
/// writes and flushes its body: two system calls, and on a loopback connection two trips through
/// the kernel's network stack, per model call, where one would do. Placed next to
/// the socket, this handler holds a flush until the end of the current turn of the event loop;
/// whatever else the turn writes (the body) goes out with it. Nothing waits longer than that turn.
public final class CoalescingFlushHandler: ChannelOutboundHandler, RemovableChannelHandler {
    public typealias OutboundIn = IOData
    public typealias OutboundOut = IOData

    private var flushScheduled = false
    private var removed = false

    public init() {}

    /// For `HTTPClient.Configuration.http1_1ConnectionDebugInitializer`: puts the handler next to
    /// the socket of each new HTTP/1.1 connection.
    public static let connectionInitializer: @Sendable (any Channel) -> EventLoopFuture<Void> = { channel in
        channel.eventLoop.submit {
            try channel.pipeline.syncOperations.addHandler(CoalescingFlushHandler(), position: .first)
        }
    }

    public func flush(context: ChannelHandlerContext) {
        guard !flushScheduled else { return }
        flushScheduled = true
        let loop = context.eventLoop.assumeIsolated()
        loop.execute {
            self.flushScheduled = false
            guard !self.removed else { return }
            context.flush()
        }
    }

    public func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        // Writes held for the end of the turn go out before an orderly close, as they would have.
        if flushScheduled, mode != .input { context.flush() }
        context.close(mode: mode, promise: promise)
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        removed = true
        if flushScheduled { context.flush() }
    }
}

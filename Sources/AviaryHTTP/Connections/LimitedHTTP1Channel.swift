import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1 child channel behind the server's ``ConnectionLimits``: a connection over
/// the cap is closed as soon as it is accepted, a connection that does not send a complete request
/// head in time is closed (``RequestHeadTimeoutHandler``), and idle connections close after the idle
/// timeout (Hummingbird's own `idleTimeout`).
struct LimitedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let base: HTTP1Channel
    let limits: ConnectionLimits
    let counter: ConnectionCounter

    /// The server builder `Application` takes.
    static func builder(limits: ConnectionLimits) -> HTTPServerBuilder {
        let counter = ConnectionCounter(limit: limits.maxConnections)
        return HTTPServerBuilder { responder in
            LimitedHTTP1Channel(base: HTTP1Channel(responder: responder,
                                                   configuration: .init(idleTimeout: TimeAmount(limits.idleTimeout))),
                                limits: limits, counter: counter)
        }
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        guard counter.admit() else {
            logger.warning("connection refused: the server's connection limit is reached",
                           metadata: ["max_connections": .stringConvertible(limits.maxConnections)])
            channel.close(promise: nil)
            return channel.eventLoop.makeFailedFuture(ChannelError.ioOnClosedChannel)
        }
        let counter = self.counter
        channel.closeFuture.whenComplete { _ in counter.release() }
        do {
            try channel.pipeline.syncOperations.addHandler(RequestHeadTimeoutHandler(timeout: TimeAmount(limits.headerTimeout)))
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return base.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}


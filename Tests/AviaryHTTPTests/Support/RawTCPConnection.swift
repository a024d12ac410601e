import NIOCore
import NIOPosix

/// A raw TCP connection to the test server, for requests no HTTP client would send (half a request
/// head). Everything the server sends is collected; ``closed()`` completes when the server closes.
struct RawTCPConnection: Sendable {
    let channel: any Channel
    private let collector: Collector

    /// Connects to 127.0.0.1:`port`.
    static func connect(port: Int) async throws -> RawTCPConnection {
        let collector = Collector()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(collector.make(channel.eventLoop)) }
            }
            .connect(host: "127.0.0.1", port: port).get()
        return RawTCPConnection(channel: channel, collector: collector)
    }

    /// Sends `text` as is.
    func send(_ text: String) async throws {
        try await channel.writeAndFlush(ByteBuffer(string: text)).get()
    }

    /// Waits until the server has sent something; returns what it sent so far.
    func firstBytes() async throws -> String { try await collector.handler.first.futureResult.get() }

    /// Waits until the connection closes; returns everything the server sent.
    func closed() async throws -> String { try await collector.handler.closed.futureResult.get() }

    /// Closes the connection from this side.
    func close() async { try? await channel.close().get() }

    /// Holds the handler, created on the channel's event loop.
    private final class Collector: @unchecked Sendable {
        private(set) var handler: Handler!

        func make(_ loop: any EventLoop) -> Handler {
            handler = Handler(first: loop.makePromise(), closed: loop.makePromise())
            return handler
        }
    }

    final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        let first: EventLoopPromise<String>
        let closed: EventLoopPromise<String>
        private var received = ""
        private var sentFirst = false
        private var sentClosed = false

        init(first: EventLoopPromise<String>, closed: EventLoopPromise<String>) {
            self.first = first
            self.closed = closed
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            received += String(buffer: unwrapInboundIn(data))
            succeedFirst()
        }

        func channelInactive(context: ChannelHandlerContext) {
            succeedFirst()
            if !sentClosed {
                sentClosed = true
                closed.succeed(received)
            }
            context.fireChannelInactive()
        }

        private func succeedFirst() {
            guard !sentFirst else { return }
            sentFirst = true
            first.succeed(received)
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) { context.close(promise: nil) }
    }
}

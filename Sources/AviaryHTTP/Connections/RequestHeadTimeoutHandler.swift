import NIOCore

/// Closes a connection whose first request head is not complete within `timeout` of the connection
/// opening. It sits in front of the HTTP decoder and watches the raw bytes for the blank line that
/// ends an HTTP/1 head (`\r\n\r\n`); after that it only passes bytes on, and the server's idle
/// timeout governs the connection.
final class RequestHeadTimeoutHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let timeout: TimeAmount
    private var timer: Scheduled<Void>?
    /// How many bytes of `\r\n\r\n` the bytes read so far end with.
    private var matched = 0
    private var headComplete = false

    /// A handler allowing `timeout` for the first request head.
    init(timeout: TimeAmount) { self.timeout = timeout }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) { cancel() }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancel()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if !headComplete {
            let buffer = unwrapInboundIn(data)
            for byte in buffer.readableBytesView where !headComplete {
                matched = Self.advance(matched, byte)
                if matched == 4 {
                    headComplete = true
                    cancel()
                }
            }
        }
        context.fireChannelRead(data)
    }

    /// The state of a `\r\n\r\n` search after one more byte.
    static func advance(_ matched: Int, _ byte: UInt8) -> Int {
        let expected: UInt8 = matched % 2 == 0 ? UInt8(ascii: "\r") : UInt8(ascii: "\n")
        if byte == expected { return matched + 1 }
        return byte == UInt8(ascii: "\r") ? 1 : 0
    }

    private func start(_ context: ChannelHandlerContext) {
        guard timer == nil, !headComplete else { return }
        let channel = context.channel
        timer = context.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
    }

    private func cancel() {
        timer?.cancel()
        timer = nil
    }
}

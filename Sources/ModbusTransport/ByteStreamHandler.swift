import NIOCore

/// Hands every byte a bus channel receives, and its closing, to the session that owns it.
///
/// Framing is done by the session with ModbusCore's incremental decoders, because an RTU
/// answer can only be delimited knowing the request it answers.
final class ByteStreamHandler: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer

  /// The session; weak so that a forgotten client does not live on through its channel.
  private weak var session: LinkSession?
  /// Which connection of the session this channel is.
  private let generation: Int

  /// Creates a handler reporting to `session` for connection `generation`.
  init(session: LinkSession, generation: Int) {
    self.session = session
    self.generation = generation
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let buffer = unwrapInboundIn(data)
    session?.received(Array(buffer.readableBytesView), generation: generation)
  }

  func channelInactive(context: ChannelHandlerContext) {
    session?.channelClosed(generation: generation)
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    context.close(promise: nil)
  }
}

import ModbusCore
import NIOCore

/// Sends an answer on `channel` when its wire time is over.
func sendAnswer(_ answer: OutgoingAnswer, on channel: any Channel) {
  channel.eventLoop.scheduleTask(deadline: answer.at) {
    guard channel.isActive else { return }
    channel.writeAndFlush(channel.allocator.buffer(bytes: answer.bytes), promise: nil)
  }
}

/// Serves Modbus TCP (MBAP) on one connection: the gateway side of a bus.
///
/// A corrupt MBAP stream (bad protocol id or length) closes this connection only.
final class MBAPServerHandler: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer

  private let bus: SimulatedBus
  private var decoder = MBAPDecoder()

  init(bus: SimulatedBus) {
    self.bus = bus
  }

  func channelActive(context: ChannelHandlerContext) {
    bus.register(context.channel)
    context.fireChannelActive()
  }

  func channelInactive(context: ChannelHandlerContext) {
    bus.unregister(context.channel)
    context.fireChannelInactive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    var buffer = unwrapInboundIn(data)
    decoder.feed(buffer.readBytes(length: buffer.readableBytes) ?? [])
    while let event = decoder.next() {
      switch event {
      case .frame(let frame):
        let request = IncomingRequest(unit: frame.unit, pdu: frame.pdu, transactionID: frame.transactionID)
        if let answer = bus.handle(request) { sendAnswer(answer, on: context.channel) }
      case .error:
        context.close(promise: nil)
        return
      }
    }
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    context.close(promise: nil)
  }
}

/// Serves raw RTU frames on one connection or a pseudo-terminal: garbage and bad CRCs are skipped.
final class RTUServerHandler: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer

  private let bus: SimulatedBus
  private let tracksConnection: Bool
  private var decoder = RTURequestDecoder()

  init(bus: SimulatedBus, tracksConnection: Bool) {
    self.bus = bus
    self.tracksConnection = tracksConnection
  }

  func channelActive(context: ChannelHandlerContext) {
    if tracksConnection { bus.register(context.channel) }
    context.fireChannelActive()
  }

  func channelInactive(context: ChannelHandlerContext) {
    if tracksConnection { bus.unregister(context.channel) }
    context.fireChannelInactive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    var buffer = unwrapInboundIn(data)
    decoder.feed(buffer.readBytes(length: buffer.readableBytes) ?? [])
    while let event = decoder.next() {
      guard case .frame(let frame) = event else { continue }
      let request = IncomingRequest(unit: frame.unit, pdu: frame.pdu, transactionID: nil)
      if let answer = bus.handle(request) { sendAnswer(answer, on: context.channel) }
    }
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    if tracksConnection { context.close(promise: nil) }
  }
}

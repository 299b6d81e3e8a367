import NIOCore
import NIOPosix

/// Puts simulated buses on the network: a TCP listener per bus, or a pseudo-terminal.
enum BusServer {
  /// Listens for `bus` on `host:port` (0 = any free port); every connection of the bus runs on `loop`.
  static func listen(_ bus: SimulatedBus, host: String, port: Int, on loop: any EventLoop)
    -> EventLoopFuture<any Channel>
  {
    let framing = bus.framing
    return ServerBootstrap(group: loop, childGroup: loop)
      .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
      .serverChannelOption(ChannelOptions.backlog, value: 64)
      .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          if framing == .tcp {
            try channel.pipeline.syncOperations.addHandler(MBAPServerHandler(bus: bus))
          } else {
            try channel.pipeline.syncOperations.addHandler(
              RTUServerHandler(bus: bus, tracksConnection: true))
          }
        }
      }
      .bind(host: host, port: port)
  }

  /// Serves `bus` as RTU on the master side of a pseudo-terminal (the channel owns `master`).
  static func serve(_ bus: SimulatedBus, pseudoTerminalMaster master: Int32, on loop: any EventLoop)
    -> EventLoopFuture<any Channel>
  {
    NIOPipeBootstrap(group: loop)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandler(
            RTUServerHandler(bus: bus, tracksConnection: false))
        }
      }
      .takingOwnershipOfDescriptor(inputOutput: master)
  }
}

import ModbusCore
import ModbusTransport
import NIOCore

/// What a bus session needs from a Modbus connection: one request at a time, answered or failed.
public protocol BusLink: Sendable {
  /// Sends one request to a unit; the future fails with ``ModbusTransportError``.
  func execute(_ request: ModbusRequest, unit: UInt8) -> EventLoopFuture<ModbusResponse>
  /// Closes the connection.
  func close() -> EventLoopFuture<Void>
}

extension ModbusBusClient: BusLink {}

/// Makes the link for a bus on the engine's event loop.
public typealias BusLinkFactory = @Sendable (BusPlan, any EventLoop, @escaping FrameTraceSink) -> any BusLink

/// Receives every frame a bus sends and receives, for the electrician's bus monitor.
public typealias FrameTraceSink = @Sendable (String, FrameTrace) -> Void

/// The production factory: a ``ModbusBusClient`` per bus with its timeout and baud.
public let modbusLinkFactory: BusLinkFactory = { bus, loop, trace in
  var configuration = ModbusClientConfiguration()
  configuration.responseTimeout = bus.responseTimeout
  configuration.baud = bus.baud
  configuration.retries = 0
  let name = bus.name
  return ModbusBusClient(
    endpoint: bus.endpoint, eventLoop: loop, configuration: configuration,
    trace: { trace(name, $0) })
}

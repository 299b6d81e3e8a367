import ModbusCore
import ModbusTransport
import NIOCore

/// What a bus session needs from a Modbus connection: one request at a time, answered or failed.
public protocol BusLink: Sendable {
  /// Sends one request to a unit, with its own response timeout when `timeout` is not nil;
  /// the future fails with ``ModbusTransportError``.
  func execute(_ request: ModbusRequest, unit: UInt8, timeout: TimeAmount?)
    -> EventLoopFuture<ModbusResponse>
  /// Closes the connection.
  func close() -> EventLoopFuture<Void>
}

extension ModbusBusClient: BusLink {}

/// Makes the link for a bus on the engine's event loop.
public typealias BusLinkFactory = @Sendable (BusPlan, any EventLoop, FrameTraceSink?) -> any BusLink

/// Receives every frame a bus sends and receives, for the electrician's bus monitor.
public typealias FrameTraceSink = @Sendable (String, FrameTrace) -> Void

/// The production factory: a ``ModbusBusClient`` per bus with its timeout and baud.
public let modbusLinkFactory: BusLinkFactory = { bus, loop, trace in
  var configuration = ModbusClientConfiguration()
  configuration.responseTimeout = bus.responseTimeout
  configuration.baud = bus.baud
  configuration.retries = 0
  // A dead meter's silence costs the timeout plus this quiet wait on RTU framings.
  configuration.lateAnswerWindow = .milliseconds(100)
  let name = bus.name
  // Without a trace sink no frame descriptions are built at all (the 10,000-meter case).
  var perFrame: (@Sendable (FrameTrace) -> Void)?
  if let trace { perFrame = { frame in trace(name, frame) } }
  return ModbusBusClient(
    endpoint: bus.endpoint, eventLoop: loop, configuration: configuration, trace: perFrame)
}

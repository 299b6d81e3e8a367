import NIOCore

/// How a `ModbusBusClient` times its bus: response timeout, retries, RTU silence, connect timeout.
public struct ModbusClientConfiguration: Sendable, Hashable {
  /// How long to wait for the complete answer after a request is written.
  public var responseTimeout: TimeAmount
  /// How many times a request is sent again after a timeout, CRC error or dropped connection
  /// (0: the caller, usually the acquisition engine, decides).
  public var retries: Int
  /// The line speed behind an RTU-over-TCP gateway, for the t3.5 silence between frames
  /// (a serial endpoint's own baud rate takes precedence).
  public var baud: Int
  /// How long connecting to a gateway may take.
  public var connectTimeout: TimeAmount
  /// After an RTU timeout, how long the line must stay quiet (or until the late answer to
  /// the timed-out request arrives and is discarded) before the next request is sent.
  public var lateAnswerWindow: TimeAmount

  /// Creates a configuration; the defaults suit a gateway with meters at 9600 baud.
  public init(
    responseTimeout: TimeAmount = .seconds(1), retries: Int = 0, baud: Int = 9600,
    connectTimeout: TimeAmount = .seconds(3), lateAnswerWindow: TimeAmount = .milliseconds(200)
  ) {
    self.responseTimeout = responseTimeout
    self.retries = max(0, retries)
    self.baud = baud
    self.connectTimeout = connectTimeout
    self.lateAnswerWindow = lateAnswerWindow
  }
}

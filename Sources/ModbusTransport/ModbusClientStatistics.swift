/// Counters of one bus client since it was created.
public struct ModbusClientStatistics: Sendable, Hashable {
  /// Request frames written (retries included).
  public var requests = 0
  /// Answers accepted for the outstanding request (exception responses included).
  public var responses = 0
  /// Requests that got no valid answer in time.
  public var timeouts = 0
  /// Answers discarded because of a bad CRC.
  public var crcErrors = 0
  /// Modbus exception responses.
  public var exceptions = 0
  /// Connections opened after the first one.
  public var reconnects = 0
  /// Late answers to timed-out requests that were recognised and discarded.
  public var lateAnswers = 0

  /// Creates zeroed counters.
  public init() {}
}

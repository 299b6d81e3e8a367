/// One bus as the bus view shows it: configuration, meter counts and acquisition statistics.
public struct BusRow: Sendable, Hashable {
  /// The bus name.
  public var name: String
  /// The framing: "tcp", "rtu-over-tcp" or "rtu".
  public var framing: String
  /// Where the bus ends: host:port or a serial device.
  public var endpoint: String
  /// Meters configured on the bus.
  public var meters: Int
  /// Meters answering.
  public var online: Int
  /// Meters considered offline.
  public var offline: Int
  /// Requests sent since start.
  public var requests: Int
  /// Requests that timed out.
  public var timeouts: Int
  /// Responses dropped for a bad CRC.
  public var crcErrors: Int
  /// Modbus exception responses.
  public var exceptions: Int
  /// Median round-trip latency in milliseconds.
  public var p50: Double?
  /// 90th percentile round-trip latency in milliseconds.
  public var p90: Double?
  /// 99th percentile round-trip latency in milliseconds.
  public var p99: Double?
  /// True when the transport is connected.
  public var up: Bool
  /// The last error seen on the bus.
  public var lastError: String?

  /// Creates a bus row.
  public init(
    name: String, framing: String, endpoint: String, meters: Int, online: Int, offline: Int,
    requests: Int = 0, timeouts: Int = 0, crcErrors: Int = 0, exceptions: Int = 0,
    p50: Double? = nil, p90: Double? = nil, p99: Double? = nil, up: Bool = true, lastError: String? = nil
  ) {
    self.name = name
    self.framing = framing
    self.endpoint = endpoint
    self.meters = meters
    self.online = online
    self.offline = offline
    self.requests = requests
    self.timeouts = timeouts
    self.crcErrors = crcErrors
    self.exceptions = exceptions
    self.p50 = p50
    self.p90 = p90
    self.p99 = p99
    self.up = up
    self.lastError = lastError
  }
}

import MeterProfiles
import ModbusTransport
import NIOCore

/// One meter as acquisition polls it.
public struct MeterPlan: Sendable, Hashable {
  /// Meter number.
  public var number: String
  /// Modbus unit (address on its bus).
  public var unit: UInt8
  /// Its register map.
  public var profile: MeterProfile
  /// The last values known before start (from the store), so restarts do not re-announce alarms.
  public var lastKnown: MeterValues?
  /// False when the store last saw it offline.
  public var lastKnownOnline: Bool

  /// Creates a meter plan.
  public init(
    number: String, unit: UInt8, profile: MeterProfile, lastKnown: MeterValues? = nil,
    lastKnownOnline: Bool = true
  ) {
    self.number = number
    self.unit = unit
    self.profile = profile
    self.lastKnown = lastKnown
    self.lastKnownOnline = lastKnownOnline
  }
}

/// One bus and how to reach it.
public struct BusPlan: Sendable, Hashable {
  /// Short stable name, e.g. `A-1`.
  public var name: String
  /// Where the gateway or port is.
  public var endpoint: ModbusEndpoint
  /// Serial speed on the bus (for wire time and the RTU silence).
  public var baud: Int
  /// Response timeout.
  public var responseTimeout: TimeAmount
  /// Meters on the bus, in polling order.
  public var meters: [MeterPlan]

  /// Creates a bus plan.
  public init(
    name: String, endpoint: ModbusEndpoint, baud: Int, responseTimeout: TimeAmount,
    meters: [MeterPlan]
  ) {
    self.name = name
    self.endpoint = endpoint
    self.baud = baud
    self.responseTimeout = responseTimeout
    self.meters = meters
  }
}

/// How failing meters and buses are retried.
public struct RetryPolicy: Sendable, Hashable {
  /// Failed tries in a row after which a meter counts as offline.
  public var offlineAfterFailures: Int = 3
  /// An offline meter is tried at most every this many sweeps (the gap doubles up to it).
  public var maxSweepsBetweenOfflineTries: Int = 8
  /// First wait before reconnecting a bus whose gateway is down.
  public var busReconnectMin: TimeAmount = .seconds(1)
  /// Longest wait between reconnect attempts.
  public var busReconnectMax: TimeAmount = .seconds(30)

  /// The defaults: offline after 3 failures, offline meters tried every 2, 4, then 8 sweeps.
  public init(offlineAfterFailures: Int = 3, maxSweepsBetweenOfflineTries: Int = 8) {
    self.offlineAfterFailures = offlineAfterFailures
    self.maxSweepsBetweenOfflineTries = maxSweepsBetweenOfflineTries
  }
}

/// Everything the engine needs to run a site.
public struct AcquisitionPlan: Sendable {
  /// Buses with their meters.
  public var buses: [BusPlan]
  /// Time between routine sweeps (集抄时间间隔).
  public var collectionInterval: TimeAmount
  /// Retry rules.
  public var retry: RetryPolicy

  /// Creates a plan.
  public init(buses: [BusPlan], collectionInterval: TimeAmount, retry: RetryPolicy = RetryPolicy()) {
    self.buses = buses
    self.collectionInterval = collectionInterval
    self.retry = retry
  }
}

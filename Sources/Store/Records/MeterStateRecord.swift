import Foundation
import GRDB

/// A meter's latest known state, kept current by acquisition.
public struct MeterStateRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  /// The table this record maps to.
  public static let databaseTableName = "meterState"
  /// Meter number.
  public var meter: String
  /// Time of the last good reading.
  public var readAt: Date?
  /// False once acquisition gave up on it.
  public var online: Bool
  /// Failed tries in a row.
  public var consecutiveFailures: Int
  /// The last error, if any.
  public var lastError: String?
  /// Voltage, 0.1 V.
  public var voltageDeciV: Int64?
  /// Current, 0.01 A.
  public var currentCentiA: Int64?
  /// Active power, W.
  public var powerW: Int64?
  /// Power factor, 0.001.
  public var powerFactorMilli: Int64?
  /// Total active energy, 0.01 kWh.
  public var energyTotal: Int64?
  /// Sharp-period energy, 0.01 kWh.
  public var energySharp: Int64?
  /// Peak-period energy, 0.01 kWh.
  public var energyPeak: Int64?
  /// Flat-period energy, 0.01 kWh.
  public var energyFlat: Int64?
  /// Valley-period energy, 0.01 kWh.
  public var energyValley: Int64?
  /// Remaining amount on the meter, fen.
  public var remainingFen: Int64?
  /// Purchase count on the meter.
  public var purchaseCount: Int64?
  /// Raw status word.
  public var statusWord: Int64?
  /// Relay closed (power on).
  public var relayClosed: Bool?
  /// How the prices and settings on the meter differ from the database's, as last read back from its
  /// prepaid block: nil never compared, empty in agreement, else the differences.
  public var settingsDrift: String?

  /// A state with nothing read yet.
  public init(meter: String) {
    self.meter = meter
    self.online = true
    self.consecutiveFailures = 0
  }
}

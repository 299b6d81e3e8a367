import Foundation
import GRDB

/// One stored reading of a meter's poll blocks.
public struct ReadingRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  /// The table this record maps to.
  public static let databaseTableName = "reading"
  /// Row id.
  public var id: Int64?
  /// Meter number.
  public var meter: String
  /// When it was read.
  public var readAt: Date
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
  /// Sharp energy, 0.01 kWh.
  public var energySharp: Int64?
  /// Peak energy, 0.01 kWh.
  public var energyPeak: Int64?
  /// Flat energy, 0.01 kWh.
  public var energyFlat: Int64?
  /// Valley energy, 0.01 kWh.
  public var energyValley: Int64?
  /// Remaining amount, fen.
  public var remainingFen: Int64?
  /// Purchase count.
  public var purchaseCount: Int64?
  /// Raw status word.
  public var statusWord: Int64?
  /// Relay closed.
  public var relayClosed: Bool?

  /// An empty reading of a meter at a time.
  public init(meter: String, readAt: Date) {
    self.meter = meter
    self.readAt = readAt
  }

}

/// Energy used by a meter on one local day: first and last total seen.
public struct DailyEnergyRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  /// The table this record maps to.
  public static let databaseTableName = "dailyEnergy"
  /// Meter number.
  public var meter: String
  /// Local day `YYYY-MM-DD`.
  public var day: String
  /// First total energy read that day, 0.01 kWh.
  public var firstEnergy: Int64
  /// Last total energy read that day, 0.01 kWh.
  public var lastEnergy: Int64
  /// Readings folded in.
  public var readings: Int
  /// Last sharp (尖) register read that day, 0.01 kWh; nil when the meter reports none.
  public var lastSharp: Int64?
  /// Last peak (峰) register read that day, 0.01 kWh.
  public var lastPeak: Int64?
  /// Last flat (平) register read that day, 0.01 kWh.
  public var lastFlat: Int64?
  /// Last valley (谷) register read that day, 0.01 kWh.
  public var lastValley: Int64?
  /// Creates a rollup row.
  public init(meter: String, day: String, firstEnergy: Int64, lastEnergy: Int64, readings: Int) {
    self.meter = meter
    self.day = day
    self.firstEnergy = firstEnergy
    self.lastEnergy = lastEnergy
    self.readings = readings
  }
}

/// A status transition of a meter (alarm entered or left, offline, tripped…).
public struct AlarmEventRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  /// The table this record maps to.
  public static let databaseTableName = "alarmEvent"
  /// Row id.
  public var id: Int64?
  /// Meter number.
  public var meter: String
  /// `alarm1`, `alarm2`, `arrears`, `offline`, `tripped`, `overload`.
  public var kind: String
  /// True when the condition began, false when it ended.
  public var entered: Bool
  /// When it was noticed.
  public var at: Date
  /// Extra words.
  public var detail: String
  /// Creates an event.
  public init(meter: String, kind: String, entered: Bool, at: Date, detail: String = "") {
    self.meter = meter
    self.kind = kind
    self.entered = entered
    self.at = at
    self.detail = detail
  }
}

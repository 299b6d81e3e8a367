import Foundation
import GRDB

/// A meter's communication state to write beside its readings.
public struct MeterLinkUpdate: Sendable, Hashable {
  /// Meter number.
  public var meter: String
  /// Online or offline.
  public var online: Bool
  /// Failed tries in a row.
  public var consecutiveFailures: Int
  /// The last error, nil after a good read.
  public var lastError: String?

  /// Creates an update.
  public init(meter: String, online: Bool, consecutiveFailures: Int, lastError: String?) {
    self.meter = meter
    self.online = online
    self.consecutiveFailures = consecutiveFailures
    self.lastError = lastError
  }
}

/// What one bus sweep wrote: readings (with their local day), link states and alarm events.
public struct AcquisitionWrite: Sendable {
  /// Readings, in the order taken.
  public var readings: [ReadingRecord]
  /// Local day (`YYYY-MM-DD`) of each reading, for the daily rollup.
  public var days: [String]
  /// Communication states, applied after the readings.
  public var links: [MeterLinkUpdate]
  /// Condition transitions.
  public var alarms: [AlarmEventRecord]

  /// Creates a write.
  public init(
    readings: [ReadingRecord], days: [String], links: [MeterLinkUpdate], alarms: [AlarmEventRecord]
  ) {
    self.readings = readings
    self.days = days
    self.links = links
    self.alarms = alarms
  }
}

extension AppDatabase {
  /// Writes one sweep in one transaction: raw readings, each meter's latest state, the daily
  /// energy rollup and the alarm transitions.
  public func recordAcquisition(_ write: AcquisitionWrite) throws {
    try writer.write { db in
      for (reading, day) in zip(write.readings, write.days) {
        try reading.insert(db)
        var state = try MeterStateRecord.fetchOne(db, key: reading.meter)
          ?? MeterStateRecord(meter: reading.meter)
        state.apply(reading)
        try state.save(db)
        if let energy = reading.energyTotal {
          try db.execute(
            sql: """
              INSERT INTO dailyEnergy (meter, day, firstEnergy, lastEnergy, readings)
              VALUES (?, ?, ?, ?, 1)
              ON CONFLICT(meter, day) DO UPDATE SET
                lastEnergy = excluded.lastEnergy, readings = dailyEnergy.readings + 1
              """, arguments: [reading.meter, day, energy, energy])
        }
      }
      for link in write.links {
        var state = try MeterStateRecord.fetchOne(db, key: link.meter)
          ?? MeterStateRecord(meter: link.meter)
        state.online = link.online
        state.consecutiveFailures = link.consecutiveFailures
        state.lastError = link.lastError
        try state.save(db)
      }
      for alarm in write.alarms { try alarm.insert(db) }
    }
  }

  /// Latest state of every meter, by meter number.
  public func meterStates() throws -> [String: MeterStateRecord] {
    try writer.read { db in
      Dictionary(uniqueKeysWithValues: try MeterStateRecord.fetchAll(db).map { ($0.meter, $0) })
    }
  }

  /// Every meter, ordered by bus then address.
  public func meters() throws -> [MeterRecord] {
    try writer.read { db in try MeterRecord.order(Column("bus"), Column("address")).fetchAll(db) }
  }

  /// Readings of one meter, oldest first.
  public func readings(meter: String, limit: Int = 1000) throws -> [ReadingRecord] {
    try writer.read { db in
      try ReadingRecord.filter(Column("meter") == meter).order(Column("readAt").desc)
        .limit(limit).fetchAll(db).reversed()
    }
  }

  /// Alarm transitions, newest first, optionally of one meter.
  public func alarmEvents(meter: String? = nil, limit: Int = 100) throws -> [AlarmEventRecord] {
    try writer.read { db in
      var request = AlarmEventRecord.order(Column("id").desc).limit(limit)
      if let meter { request = request.filter(Column("meter") == meter) }
      return try request.fetchAll(db)
    }
  }

  /// Daily energy rollups of one meter, oldest first.
  public func dailyEnergy(meter: String, limit: Int = 60) throws -> [DailyEnergyRecord] {
    try writer.read { db in
      try DailyEnergyRecord.filter(Column("meter") == meter).order(Column("day").desc)
        .limit(limit).fetchAll(db).reversed()
    }
  }

  /// Number of stored readings.
  public func readingCount() throws -> Int {
    try writer.read { db in try ReadingRecord.fetchCount(db) }
  }
}

extension MeterStateRecord {
  /// Takes the values of a good reading; the meter is online again.
  mutating func apply(_ reading: ReadingRecord) {
    readAt = reading.readAt
    online = true
    consecutiveFailures = 0
    lastError = nil
    voltageDeciV = reading.voltageDeciV
    currentCentiA = reading.currentCentiA
    powerW = reading.powerW
    powerFactorMilli = reading.powerFactorMilli
    energyTotal = reading.energyTotal
    energySharp = reading.energySharp
    energyPeak = reading.energyPeak
    energyFlat = reading.energyFlat
    energyValley = reading.energyValley
    remainingFen = reading.remainingFen
    purchaseCount = reading.purchaseCount
    statusWord = reading.statusWord
    relayClosed = reading.relayClosed
  }
}

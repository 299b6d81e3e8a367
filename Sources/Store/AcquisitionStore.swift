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
  ///
  /// Rows go in multi-row statements of up to ``rowsPerStatement`` rows (cached per size), so a
  /// 10,000-meter sweep costs a few hundred statement executions, not thirty thousand.
  public func recordAcquisition(_ write: AcquisitionWrite) throws {
    // The latest reading per meter sets its state and its day's rollup; a batch can hold two
    // readings of one meter (a sweep's and an operator's read-now), and one upsert statement
    // may touch a row only once.
    var latest: [String: Int] = [:]
    for (index, reading) in write.readings.enumerated() { latest[reading.meter] = index }
    let latestIndexes = latest.values.sorted()
    try writer.write { db in
      try Self.inChunks(write.readings.indices) { chunk in
        var values: [DatabaseValue] = []
        values.reserveCapacity(chunk.count * 15)
        for index in chunk { values += Self.readingValues(write.readings[index]) }
        try db.cachedStatement(sql: Self.insertReadings(chunk.count))
          .execute(arguments: StatementArguments(values))
      }
      try Self.inChunks(latestIndexes.indices) { chunk in
        var values: [DatabaseValue] = []
        var days: [DatabaseValue] = []
        var dayRows = 0
        for position in chunk {
          let index = latestIndexes[position]
          let reading = write.readings[index]
          values += Self.readingValues(reading)
          guard let energy = reading.energyTotal, index < write.days.count else { continue }
          days += [
            reading.meter.databaseValue, write.days[index].databaseValue, energy.databaseValue,
            energy.databaseValue, reading.energySharp.databaseValue, reading.energyPeak.databaseValue,
            reading.energyFlat.databaseValue, reading.energyValley.databaseValue,
          ]
          dayRows += 1
        }
        try db.cachedStatement(sql: Self.upsertStates(chunk.count))
          .execute(arguments: StatementArguments(values))
        if dayRows > 0 {
          try db.cachedStatement(sql: Self.upsertDays(dayRows))
            .execute(arguments: StatementArguments(days))
        }
      }
      let upsertLink = try db.cachedStatement(
        sql: """
          INSERT INTO meterState (meter, online, consecutiveFailures, lastError) VALUES (?, ?, ?, ?)
          ON CONFLICT(meter) DO UPDATE SET online = excluded.online,
            consecutiveFailures = excluded.consecutiveFailures, lastError = excluded.lastError
          """)
      for link in write.links {
        try upsertLink.execute(
          arguments: [link.meter, link.online, link.consecutiveFailures, link.lastError])
      }
      for alarm in write.alarms { try alarm.insert(db) }
      try Self.recordEpisodes(write.alarms, readings: write.readings, db)
    }
  }

  /// Rows per multi-row statement (15 values each, well under SQLite's variable limit).
  static let rowsPerStatement = 200

  static func inChunks(_ range: Range<Int>, _ body: (Range<Int>) throws -> Void) rethrows {
    var start = range.lowerBound
    while start < range.upperBound {
      let end = min(start + rowsPerStatement, range.upperBound)
      try body(start..<end)
      start = end
    }
  }

  static func readingValues(_ r: ReadingRecord) -> [DatabaseValue] {
    [
      r.meter.databaseValue, r.readAt.databaseValue, r.voltageDeciV.databaseValue,
      r.currentCentiA.databaseValue, r.powerW.databaseValue, r.powerFactorMilli.databaseValue,
      r.energyTotal.databaseValue, r.energySharp.databaseValue, r.energyPeak.databaseValue,
      r.energyFlat.databaseValue, r.energyValley.databaseValue, r.remainingFen.databaseValue,
      r.purchaseCount.databaseValue, r.statusWord.databaseValue, r.relayClosed.databaseValue,
    ]
  }

  static let valueColumns = """
    voltageDeciV, currentCentiA, powerW, powerFactorMilli, energyTotal, energySharp, energyPeak,
    energyFlat, energyValley, remainingFen, purchaseCount, statusWord, relayClosed
    """

  static func placeholders(rows: Int, columns: Int) -> String {
    let row = "(" + Array(repeating: "?", count: columns).joined(separator: ",") + ")"
    return Array(repeating: row, count: rows).joined(separator: ",")
  }

  static func insertReadings(_ rows: Int) -> String {
    "INSERT INTO reading (meter, readAt, \(valueColumns)) VALUES "
      + placeholders(rows: rows, columns: 15)
  }

  static func upsertStates(_ rows: Int) -> String {
    """
    INSERT INTO meterState (meter, readAt, \(valueColumns), online, consecutiveFailures, lastError)
    SELECT column1, column2, column3, column4, column5, column6, column7, column8, column9,
      column10, column11, column12, column13, column14, column15, 1, 0, NULL
    FROM (VALUES \(placeholders(rows: rows, columns: 15))) WHERE true
    ON CONFLICT(meter) DO UPDATE SET readAt = excluded.readAt, online = 1,
      consecutiveFailures = 0, lastError = NULL, voltageDeciV = excluded.voltageDeciV,
      currentCentiA = excluded.currentCentiA, powerW = excluded.powerW,
      powerFactorMilli = excluded.powerFactorMilli, energyTotal = excluded.energyTotal,
      energySharp = excluded.energySharp, energyPeak = excluded.energyPeak,
      energyFlat = excluded.energyFlat, energyValley = excluded.energyValley,
      remainingFen = excluded.remainingFen, purchaseCount = excluded.purchaseCount,
      statusWord = excluded.statusWord, relayClosed = excluded.relayClosed
    """
  }

  /// The daily rollup upsert of `rows` rows (meter, day, energy, energy, sharp, peak, flat, valley):
  /// the first reading of a day sets `firstEnergy`; every later one moves `lastEnergy` and the last
  /// time-of-use registers (a reading without a register keeps the value already held).
  static func upsertDays(_ rows: Int) -> String {
    """
    INSERT INTO dailyEnergy (meter, day, firstEnergy, lastEnergy, readings,
      lastSharp, lastPeak, lastFlat, lastValley)
    SELECT column1, column2, column3, column4, 1, column5, column6, column7, column8
    FROM (VALUES \(placeholders(rows: rows, columns: 8))) WHERE true
    ON CONFLICT(meter, day) DO UPDATE SET
      lastEnergy = excluded.lastEnergy, readings = dailyEnergy.readings + 1,
      lastSharp = COALESCE(excluded.lastSharp, dailyEnergy.lastSharp),
      lastPeak = COALESCE(excluded.lastPeak, dailyEnergy.lastPeak),
      lastFlat = COALESCE(excluded.lastFlat, dailyEnergy.lastFlat),
      lastValley = COALESCE(excluded.lastValley, dailyEnergy.lastValley)
    """
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

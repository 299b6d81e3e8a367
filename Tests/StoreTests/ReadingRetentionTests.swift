import Foundation
import GRDB
import TestSupport
import Testing

@testable import Store

/// Pruning raw readings past the retention: only older readings go, in batches, and the daily rollups
/// the energy reports read stay as they were.
@Suite("Reading retention")
struct ReadingRetentionTests {
  static let meters = ["202411000001", "202411000002", "202411000003"]
  /// 2026-03-01 00:00 in Asia/Shanghai.
  static let start = Date(timeIntervalSince1970: 1_772_294_400)

  /// Three meters with ten days of readings every two hours, written sweep by sweep as the
  /// acquisition writes them (the rollup with its time-of-use registers included).
  static func site() throws -> (TemporaryDirectory, AppDatabase) {
    let directory = try TemporaryDirectory()
    let database = try AppDatabase.open(path: directory.path("site.db"))
    try database.writer.write { db in
      try BuildingRecord(code: "A", name: "A座").insert(db)
      try BusRecord(
        name: "A-1", gateway: nil, framing: "tcp", endpoint: "127.0.0.1:1", baud: 9600, parity: "N",
        timeoutMs: 1000
      ).insert(db)
      for (index, number) in meters.enumerated() {
        try MeterRecord(
          number: number, bus: "A-1", address: index + 1, profile: "acrel-ddsy1352", building: "A",
          floor: "1",
          shop: "A-010\(index + 1)", circuit: "", ctRatio: index + 1, alarm1Fen: nil, alarm2Fen: nil,
          powerThresholdW: nil, tariff: nil, keepPower: false, disabled: false, account: nil
        ).insert(db)
      }
    }
    let zone = try #require(TimeZone(identifier: "Asia/Shanghai"))
    let formatter = DateFormatter()
    formatter.timeZone = zone
    formatter.dateFormat = "yyyy-MM-dd"
    for step in 0..<(10 * 12) {
      let at = start.addingTimeInterval(Double(step) * 7_200)
      var readings: [ReadingRecord] = []
      for (index, number) in meters.enumerated() {
        var reading = ReadingRecord(meter: number, readAt: at)
        let base = Int64(10_000 * (index + 1) + step * (index + 3))
        reading.energyTotal = base
        reading.energySharp = base / 10
        reading.energyPeak = base / 5
        reading.energyFlat = base / 2
        reading.energyValley = base - base / 10 - base / 5 - base / 2
        readings.append(reading)
      }
      try database.recordAcquisition(
        AcquisitionWrite(
          readings: readings, days: Array(repeating: formatter.string(from: at), count: readings.count),
          links: [], alarms: []))
    }
    return (directory, database)
  }

  /// Everything the energy and daily reports read for a range.
  struct ReportInputs: Equatable {
    var before: [String: RollupPoint]
    var end: [String: RollupPoint]
    var first: [String: RollupPoint]
    var days: [DailyEnergyRecord]

    init(_ database: AppDatabase, from: String, to: String) throws {
      before = try database.rollupsBefore(from)
      end = try database.rollupsOnOrBefore(to)
      first = try database.firstRollups(from: from, to: to)
      days = try database.dailyRollups(from: from, to: to)
    }
  }

  @Test("the rollup keeps each day's first and last total and its last sharp/peak/flat/valley registers")
  func rollupHoldsTimeOfUse() throws {
    let (directory, database) = try Self.site()
    defer { withExtendedLifetime(directory) {} }
    let days = try database.dailyEnergy(meter: Self.meters[1], limit: 100)
    #expect(days.count == 10 && days.first?.day == "2026-03-01" && days.last?.day == "2026-03-10")
    let second = try #require(days.dropFirst().first)
    // Readings 12...23 fall on 2026-03-02 for meter 2 (base 20000 + step × 4).
    #expect(second.firstEnergy == 20_048 && second.lastEnergy == 20_092 && second.readings == 12)
    #expect(second.lastSharp == 2_009 && second.lastPeak == 4_018 && second.lastFlat == 10_046)
    #expect(second.lastValley == Int64(4_019))  // 20092 − 2009 − 4018 − 10046
    let point = try #require(try database.rollupsBefore("2026-03-03")[Self.meters[1]])
    #expect(
      point.day == "2026-03-02" && point.energy == 20_092 && point.periods == [2_009, 4_018, 10_046, 4_019])
  }

  @Test("pruning deletes only readings before the cut-off, in batches, and keeps every rollup")
  func pruneOnlyOld() throws {
    let (directory, database) = try Self.site()
    defer { withExtendedLifetime(directory) {} }
    let cutoff = Self.start.addingTimeInterval(4 * 86_400 + 3_600)  // 2026-03-05 01:00 local
    let all = try database.readingCount()
    let old = try database.writer.read { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reading WHERE readAt < ?", arguments: [cutoff]) ?? -1
    }
    #expect(all == 360 && old == 3 * (4 * 12 + 1))
    #expect(try database.prunableReadings(olderThan: cutoff) == old)
    let inputs = try ReportInputs(database, from: "2026-03-01", to: "2026-03-10")
    let march = try ReportInputs(database, from: "2026-03-03", to: "2026-03-08")
    let rollups = try database.writer.read { db in try DailyEnergyRecord.fetchAll(db) }

    let result = try database.pruneReadings(olderThan: cutoff, batch: 20)
    #expect(result.deleted == old && result.batches == (old + 19) / 20, "\(result)")
    #expect(try database.readingCount() == all - old)
    let oldest = try database.writer.read { db in
      try Date.fetchOne(db, sql: "SELECT MIN(readAt) FROM reading")
    }
    #expect(oldest.map { $0 >= cutoff } == true)
    for meter in Self.meters {
      #expect(try database.readings(meter: meter).count == 120 - (4 * 12 + 1))
    }
    #expect(try database.writer.read { db in try DailyEnergyRecord.fetchAll(db) } == rollups)
    #expect(try ReportInputs(database, from: "2026-03-01", to: "2026-03-10") == inputs)
    #expect(try ReportInputs(database, from: "2026-03-03", to: "2026-03-08") == march)

    let again = try database.pruneReadings(olderThan: cutoff)
    #expect(again.deleted == 0 && again.batches == 1)
  }

  @Test("the cut-off follows siteSettings.readingRetentionDays")
  func cutoffFromSettings() throws {
    let (directory, database) = try Self.site()
    defer { withExtendedLifetime(directory) {} }
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    #expect(try database.readingRetentionCutoff(now: now) == now.addingTimeInterval(-400 * 86_400))
    try database.writer.write { db in
      try SiteSettingsRecord(
        name: "测试", code: "T", timeZone: "Asia/Shanghai", collectionIntervalSeconds: 60,
        offlineAfterFailures: 3,
        alarm1Fen: 0, alarm2Fen: 0, hoardingCapFen: 0, powerThresholdW: 0, defaultTariff: "flat",
        smsNumbers: "",
        receiptQueue: nil
      ).insert(db)
      try db.execute(sql: "UPDATE siteSettings SET readingRetentionDays = 30")
    }
    #expect(try database.readingRetentionCutoff(now: now) == now.addingTimeInterval(-30 * 86_400))
  }
}

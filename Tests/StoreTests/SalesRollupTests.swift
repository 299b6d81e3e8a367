import Domain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Store

/// The ledger's hourly rollup: kept by a trigger on every insert, filled from the entries already there
/// by the migration, and giving the same per-day sums as the grouped query over the bills themselves.
@Suite("Sales rollup")
struct SalesRollupTests {
  static let start = Date(timeIntervalSince1970: 1_772_294_400)  // 2026-03-01 00:00 in Asia/Shanghai

  static func database(_ directory: TemporaryDirectory) throws -> AppDatabase {
    let database = try AppDatabase.open(path: directory.path("site.db"))
    try database.writer.write { db in
      try BuildingRecord(code: "A", name: "A座").insert(db)
      try BusRecord(
        name: "A-1", gateway: nil, framing: "tcp", endpoint: "127.0.0.1:1", baud: 9600, parity: "N",
        timeoutMs: 1000
      ).insert(db)
      try MeterRecord(
        number: "202411000001", bus: "A-1", address: 1, profile: "acrel-ddsy1352", building: "A", floor: "1",
        shop: "A-0101", circuit: "", ctRatio: 1, alarm1Fen: nil, alarm2Fen: nil, powerThresholdW: nil,
        tariff: nil, keepPower: false, disabled: false, account: nil
      ).insert(db)
    }
    return database
  }

  /// 400 entries of three kinds, four payment methods and three cashiers, every 37 minutes, crossing
  /// local and UTC midnights.
  static func fill(_ database: AppDatabase) throws {
    for index in 0..<400 {
      let kind: LedgerKind = index % 11 == 3 ? .reversal : index % 13 == 5 ? .refund : .sale
      let amount = Int64(100 + index * 7)
      try database.writer.write { db in
        var entry = LedgerEntryRecord(
          kind: kind, meter: "202411000001", account: "X1", amountFen: kind == .sale ? amount : -amount,
          payMethod: kind == .sale ? PayMethod.allCases[index % 4] : nil, operator: "op\(index % 3)",
          approvedBy: nil, reversesBill: nil, purchaseCount: nil,
          createdAt: start.addingTimeInterval(Double(index) * 37 * 60), remark: "")
        try entry.insert(db)
      }
    }
  }

  @Test("per-day sums from the rollup equal those grouped from the bills, with and without a cashier")
  func rollupMatchesBills() throws {
    let directory = try TemporaryDirectory()
    let database = try Self.database(directory)
    try Self.fill(database)
    let end = Self.start.addingTimeInterval(12 * 86_400)
    func sorted(_ sums: [ReportSalesDay]) -> [ReportSalesDay] {
      sums.sorted { ($0.day, $0.operator) < ($1.day, $1.operator) }
    }
    for scope in [LedgerScope(), LedgerScope(operator: "op1")] {
      let rollup = try database.reportSalesDays(
        from: Self.start, to: end, utcOffsetSeconds: 8 * 3600, where: scope)
      let bills = try database.reportSalesDays(
        from: Self.start, to: end, utcOffsetSeconds: 8 * 3600, where: scope, useRollup: false)
      #expect(!rollup.isEmpty && sorted(rollup) == sorted(bills))
    }
    let days = try database.reportSalesDays(from: Self.start, to: end, utcOffsetSeconds: 8 * 3600)
    #expect(days.reduce(0) { $0 + $1.sales + $1.reversals + $1.refunds } == 400)
    #expect(Set(days.map(\.day)).contains("2026-03-01") && days.allSatisfy { $0.day >= "2026-03-01" })
  }

  @Test("the migration fills the rollup from entries written before it")
  func migrationBackfills() throws {
    let directory = try TemporaryDirectory()
    let database = try Self.database(directory)
    try Self.fill(database)
    let expected = try database.writer.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM ledgerHourly ORDER BY hour, operator")
    }
    try database.writer.write { db in
      try db.execute(
        sql: "DELETE FROM ledgerHourly; DROP TRIGGER ledgerHourly_after_insert; DROP TABLE ledgerHourly")
      try Migrations.createSalesRollup(db)
    }
    let rebuilt = try database.writer.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM ledgerHourly ORDER BY hour, operator")
    }
    #expect(!expected.isEmpty && rebuilt == expected)
  }
}

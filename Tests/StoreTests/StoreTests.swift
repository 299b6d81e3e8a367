import Foundation
import GRDB
import TestSupport
import Testing

@testable import Store

@Suite("Store")
struct StoreTests {
  @Test("a database file opens in WAL mode with every migration applied")
  func walAndMigrations() throws {
    let directory = try TemporaryDirectory()
    let database = try AppDatabase.open(path: directory.path("site.db"))
    #expect(try database.journalMode() == "wal")
    #expect(
      try database.appliedMigrations() == [
        "v1-acquisition", "v1-audit", "v1-money", "v1-site", "v2-delivery", "v2-printer", "v3-batch",
        "v4-reports", "v5-alarms", "v5-audit-chain", "v5-sales-rollup", "v6-kiosk",
      ])
    // Reopening migrates nothing new and keeps data.
    try database.appendAudit(AuditRecord(at: Date(), operator: "t", action: "a", target: "x", detail: ""))
    let reopened = try AppDatabase.open(path: directory.path("site.db"))
    #expect(try reopened.auditLog().count == 1)
  }

  @Test("bill numbers are unique and increasing, and ledger rows cannot be changed or deleted")
  func ledgerIsAppendOnly() throws {
    let database = try AppDatabase.inMemory()
    try seedOneMeter(database)
    var bills: [Int64] = []
    for amount in [10_000, 5_000, 2_500] as [Int64] {
      let entry = try database.appendLedgerEntry(
        LedgerEntryRecord(
          kind: .sale, meter: "202411000001", account: "XH00001", amountFen: amount,
          payMethod: .cash, operator: "cashier", approvedBy: nil, reversesBill: nil,
          purchaseCount: nil, createdAt: Date(), remark: ""),
        deliver: true,
        audit: AuditRecord(at: Date(), operator: "cashier", action: "sale", target: "", detail: ""))
      bills.append(try #require(entry.bill))
    }
    #expect(bills == bills.sorted() && Set(bills).count == 3)
    #expect(throws: DatabaseError.self) {
      try database.writer.write { db in try db.execute(sql: "UPDATE ledgerEntry SET amountFen = 1") }
    }
    #expect(throws: DatabaseError.self) {
      try database.writer.write { db in try db.execute(sql: "DELETE FROM ledgerEntry") }
    }
    #expect(throws: DatabaseError.self) {
      try database.writer.write { db in try db.execute(sql: "DELETE FROM auditLog") }
    }
    #expect(try database.ledger(meter: "202411000001").map(\.amountFen) == [10_000, 5_000, 2_500])
    #expect(try database.tableCounts()["outbox"] == 3)
  }

  @Test("a meter address is unique on its bus")
  func uniqueAddress() throws {
    let database = try AppDatabase.inMemory()
    try seedOneMeter(database)
    #expect(throws: DatabaseError.self) {
      try database.writer.write { db in
        try MeterRecord(
          number: "202411000002", bus: "A-1", address: 1, profile: "acrel-ddsy1352", building: "A",
          floor: "1", shop: "A-0102", circuit: "", ctRatio: 1, alarm1Fen: nil, alarm2Fen: nil,
          powerThresholdW: nil, tariff: nil, keepPower: false, disabled: false, account: nil
        ).insert(db)
      }
    }
  }

  @Test("a sweep write stores every reading, the latest state per meter and the day's rollup")
  func acquisitionWrite() throws {
    let database = try AppDatabase.inMemory()
    try seedOneMeter(database)
    let first = Date(timeIntervalSince1970: 1_790_000_000)
    var early = ReadingRecord(meter: "202411000001", readAt: first)
    early.energyTotal = 1_000
    early.remainingFen = 5_000
    var late = ReadingRecord(meter: "202411000001", readAt: first.addingTimeInterval(60))
    late.energyTotal = 1_050
    late.remainingFen = 4_950
    try database.recordAcquisition(
      AcquisitionWrite(
        readings: [early, late], days: ["2026-09-22", "2026-09-22"],
        links: [], alarms: [AlarmEventRecord(meter: "202411000001", kind: "alarm1", entered: true, at: first)]
      ))
    #expect(try database.readingCount() == 2)
    let state = try #require(try database.meterStates()["202411000001"])
    #expect(state.remainingFen == 4_950 && state.energyTotal == 1_050 && state.online)
    var next = ReadingRecord(meter: "202411000001", readAt: first.addingTimeInterval(120))
    next.energyTotal = 1_090
    try database.recordAcquisition(
      AcquisitionWrite(
        readings: [next], days: ["2026-09-22"],
        links: [
          MeterLinkUpdate(meter: "202411000001", online: false, consecutiveFailures: 3, lastError: "timeout")
        ],
        alarms: []))
    let day = try #require(try database.dailyEnergy(meter: "202411000001").first)
    #expect(day.firstEnergy == 1_050 && day.lastEnergy == 1_090 && day.readings == 2)
    let after = try #require(try database.meterStates()["202411000001"])
    #expect(!after.online && after.lastError == "timeout" && after.energyTotal == 1_090)
    #expect(try database.alarmEvents(meter: "202411000001").map(\.kind) == ["alarm1"])
  }

  private func seedOneMeter(_ database: AppDatabase) throws {
    try database.writer.write { db in
      try BuildingRecord(code: "A", name: "A座").insert(db)
      try BusRecord(
        name: "A-1", gateway: nil, framing: "tcp", endpoint: "127.0.0.1:1", baud: 9600,
        parity: "N", timeoutMs: 1000
      ).insert(db)
      try AccountRecord(
        id: "XH00001", tenant: "王芳", phone: "13800000000", shop: "A-0101",
        openedOn: "2024-01-01", closedAt: nil
      ).insert(db)
      try MeterRecord(
        number: "202411000001", bus: "A-1", address: 1, profile: "acrel-ddsy1352", building: "A",
        floor: "1", shop: "A-0101", circuit: "", ctRatio: 1, alarm1Fen: nil, alarm2Fen: nil,
        powerThresholdW: nil, tariff: nil, keepPower: false, disabled: false, account: "XH00001"
      ).insert(db)
    }
  }
}

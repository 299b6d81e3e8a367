import GRDB

extension Migrations {
  /// What the report centre needs: the time-of-use registers in the daily rollup, how long raw readings
  /// are kept, and the cashiers' shift hand-overs (交班), append-only like the ledger.
  static func createReportTables(_ db: Database) throws {
    try db.alter(table: "dailyEnergy") { t in
      t.add(column: "lastSharp", .integer)
      t.add(column: "lastPeak", .integer)
      t.add(column: "lastFlat", .integer)
      t.add(column: "lastValley", .integer)
    }
    try db.alter(table: "siteSettings") { t in
      t.add(column: "readingRetentionDays", .integer).notNull().defaults(to: 400)
    }
    try db.create(index: "dailyEnergy_day", on: "dailyEnergy", columns: ["day"])
    try db.create(index: "alarmEvent_kind_at", on: "alarmEvent", columns: ["kind", "at"])
    try db.create(table: "shiftHandover") { t in
      t.autoIncrementedPrimaryKey("id")
      t.column("operator", .text).notNull().indexed()
      t.column("startedAt", .datetime).notNull()
      t.column("closedAt", .datetime).notNull().indexed()
      t.column("firstBill", .integer)
      t.column("lastBill", .integer)
      t.column("bills", .integer).notNull()
      t.column("salesFen", .integer).notNull()
      t.column("reversalsFen", .integer).notNull()
      t.column("refundsFen", .integer).notNull()
      t.column("cashExpectedFen", .integer).notNull()
      t.column("cashCountedFen", .integer).notNull()
      t.column("differenceFen", .integer).notNull()
      t.column("byPay", .text).notNull()
      t.column("remark", .text).notNull().defaults(to: "")
    }
    try db.execute(
      sql: """
        CREATE TRIGGER shiftHandover_append_only_update BEFORE UPDATE ON shiftHandover
        BEGIN SELECT RAISE(ABORT, 'shift hand-overs are append-only'); END;
        CREATE TRIGGER shiftHandover_append_only_delete BEFORE DELETE ON shiftHandover
        BEGIN SELECT RAISE(ABORT, 'shift hand-overs are append-only'); END;
        """)
  }
}

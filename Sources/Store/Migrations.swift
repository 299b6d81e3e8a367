import GRDB

/// The schema, as frozen migrations: once shipped, a migration never changes; new needs get new ones.
enum Migrations {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-site", migrate: createSite)
    migrator.registerMigration("v1-money", migrate: createMoney)
    migrator.registerMigration("v1-acquisition", migrate: createAcquisition)
    migrator.registerMigration("v1-audit", migrate: createAudit)
    migrator.registerMigration("v2-delivery", migrate: createDeliveryWork)
    migrator.registerMigration("v2-printer", migrate: addPrinterSettings)
    migrator.registerMigration("v3-batch", migrate: createBatchJobs)
    migrator.registerMigration("v4-reports", migrate: createReportTables)
    migrator.registerMigration("v5-alarms", migrate: createAlarmEpisodes)
    migrator.registerMigration("v5-audit-chain", migrate: addAuditChain)
    migrator.registerMigration("v5-sales-rollup", migrate: createSalesRollup)
    migrator.registerMigration("v6-kiosk", migrate: addKiosk)
    return migrator
  }

  private static func createSite(_ db: Database) throws {
    try db.create(table: "siteSettings") { t in
      t.primaryKey("id", .integer).check { $0 == 1 }
      t.column("name", .text).notNull()
      t.column("code", .text).notNull()
      t.column("timeZone", .text).notNull()
      t.column("collectionIntervalSeconds", .integer).notNull()
      t.column("offlineAfterFailures", .integer).notNull()
      t.column("alarm1Fen", .integer).notNull()
      t.column("alarm2Fen", .integer).notNull()
      t.column("hoardingCapFen", .integer).notNull()
      t.column("powerThresholdW", .integer).notNull()
      t.column("defaultTariff", .text).notNull()
      t.column("smsNumbers", .text).notNull()
      t.column("receiptQueue", .text)
    }
    try db.create(table: "tariff") { t in
      t.primaryKey("name", .text)
      t.column("spec", .text).notNull()
    }
    try db.create(table: "building") { t in
      t.primaryKey("code", .text)
      t.column("name", .text).notNull()
    }
    try db.create(table: "gateway") { t in
      t.primaryKey("name", .text)
      t.column("building", .text).notNull().references("building")
      t.column("model", .text).notNull()
      t.column("address", .text).notNull()
    }
    try db.create(table: "bus") { t in
      t.primaryKey("name", .text)
      t.column("gateway", .text).references("gateway")
      t.column("framing", .text).notNull()
        .check { ["tcp", "rtu-over-tcp", "rtu"].contains($0) }
      t.column("endpoint", .text).notNull()
      t.column("baud", .integer).notNull()
      t.column("parity", .text).notNull().check { ["N", "E", "O"].contains($0) }
      t.column("timeoutMs", .integer).notNull()
    }
    try db.create(table: "account") { t in
      t.primaryKey("id", .text)
      t.column("tenant", .text).notNull()
      t.column("phone", .text).notNull()
      t.column("shop", .text).notNull()
      t.column("openedOn", .text).notNull()
      t.column("closedAt", .datetime)
    }
    try db.create(table: "meter") { t in
      t.primaryKey("number", .text)
      t.column("bus", .text).notNull().references("bus")
      t.column("address", .integer).notNull().check { $0 >= 1 && $0 <= 247 }
      t.column("profile", .text).notNull()
      t.column("building", .text).notNull().references("building")
      t.column("floor", .text).notNull()
      t.column("shop", .text).notNull()
      t.column("circuit", .text).notNull()
      t.column("ctRatio", .integer).notNull()
      t.column("alarm1Fen", .integer)
      t.column("alarm2Fen", .integer)
      t.column("powerThresholdW", .integer)
      t.column("tariff", .text).references("tariff")
      t.column("keepPower", .boolean).notNull()
      t.column("disabled", .boolean).notNull()
      t.column("account", .text).indexed().references("account")
      t.uniqueKey(["bus", "address"])
    }
    try db.create(table: "operator") { t in
      t.primaryKey("name", .text)
      t.column("role", .text).notNull()
        .check { ["cashier", "supervisor", "electrician", "admin"].contains($0) }
      t.column("passwordHash", .text).notNull()
      t.column("createdAt", .datetime).notNull()
      t.column("disabled", .boolean).notNull()
      t.column("failedAttempts", .integer).notNull()
      t.column("lockedUntil", .datetime)
    }
  }

  private static func createMoney(_ db: Database) throws {
    // Bill numbers are the rowid with AUTOINCREMENT: unique, increasing, never reused.
    try db.create(table: "ledgerEntry") { t in
      t.autoIncrementedPrimaryKey("bill")
      t.column("kind", .text).notNull()
        .check { ["sale", "refund", "reversal", "transfer_in", "closing_settlement"].contains($0) }
      t.column("meter", .text).notNull().indexed().references("meter")
      t.column("account", .text).notNull().indexed()
      t.column("amountFen", .integer).notNull()
      t.column("payMethod", .text)
      t.column("operator", .text).notNull()
      t.column("approvedBy", .text)
      t.column("reversesBill", .integer).references("ledgerEntry")
      t.column("purchaseCount", .integer)
      t.column("createdAt", .datetime).notNull().indexed()
      t.column("remark", .text).notNull().defaults(to: "")
    }
    try db.execute(
      sql: """
        CREATE TRIGGER ledgerEntry_append_only_update BEFORE UPDATE ON ledgerEntry
        BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
        CREATE TRIGGER ledgerEntry_append_only_delete BEFORE DELETE ON ledgerEntry
        BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
        """)
    try db.create(table: "outbox") { t in
      t.autoIncrementedPrimaryKey("id")
      t.column("bill", .integer).notNull().unique().references("ledgerEntry")
      t.column("meter", .text).notNull().indexed()
      t.column("state", .text).notNull()
        .check { ["queued", "sent", "delivered", "failed", "conflict"].contains($0) }
      t.column("attempts", .integer).notNull()
      t.column("lastError", .text)
      t.column("resultCode", .integer)
      t.column("balanceAfterFen", .integer)
      t.column("createdAt", .datetime).notNull()
      t.column("updatedAt", .datetime).notNull()
      t.column("deliveredAt", .datetime)
    }
  }

  private static func createAcquisition(_ db: Database) throws {
    try db.create(table: "meterState") { t in
      t.primaryKey("meter", .text).references("meter")
      t.column("readAt", .datetime)
      t.column("online", .boolean).notNull()
      t.column("consecutiveFailures", .integer).notNull()
      t.column("lastError", .text)
      t.column("voltageDeciV", .integer)
      t.column("currentCentiA", .integer)
      t.column("powerW", .integer)
      t.column("powerFactorMilli", .integer)
      t.column("energyTotal", .integer)
      t.column("energySharp", .integer)
      t.column("energyPeak", .integer)
      t.column("energyFlat", .integer)
      t.column("energyValley", .integer)
      t.column("remainingFen", .integer)
      t.column("purchaseCount", .integer)
      t.column("statusWord", .integer)
      t.column("relayClosed", .boolean)
    }
    // Readings are the hot table: a plain rowid key (no AUTOINCREMENT bookkeeping per insert).
    try db.create(table: "reading") { t in
      t.primaryKey("id", .integer)
      t.column("meter", .text).notNull().references("meter")
      t.column("readAt", .datetime).notNull()
      t.column("voltageDeciV", .integer)
      t.column("currentCentiA", .integer)
      t.column("powerW", .integer)
      t.column("powerFactorMilli", .integer)
      t.column("energyTotal", .integer)
      t.column("energySharp", .integer)
      t.column("energyPeak", .integer)
      t.column("energyFlat", .integer)
      t.column("energyValley", .integer)
      t.column("remainingFen", .integer)
      t.column("purchaseCount", .integer)
      t.column("statusWord", .integer)
      t.column("relayClosed", .boolean)
    }
    try db.create(index: "reading_meter_time", on: "reading", columns: ["meter", "readAt"])
    try db.create(table: "dailyEnergy") { t in
      t.column("meter", .text).notNull().references("meter")
      t.column("day", .text).notNull()
      t.column("firstEnergy", .integer).notNull()
      t.column("lastEnergy", .integer).notNull()
      t.column("readings", .integer).notNull()
      t.primaryKey(["meter", "day"])
    }
    try db.create(table: "alarmEvent") { t in
      t.autoIncrementedPrimaryKey("id")
      t.column("meter", .text).notNull().indexed().references("meter")
      t.column("kind", .text).notNull()
      t.column("entered", .boolean).notNull()
      t.column("at", .datetime).notNull().indexed()
      t.column("detail", .text).notNull().defaults(to: "")
    }
  }

  private static func createAudit(_ db: Database) throws {
    try db.create(table: "auditLog") { t in
      t.autoIncrementedPrimaryKey("id")
      t.column("at", .datetime).notNull().indexed()
      t.column("operator", .text).notNull()
      t.column("action", .text).notNull()
      t.column("target", .text).notNull()
      t.column("detail", .text).notNull()
    }
    try db.execute(
      sql: """
        CREATE TRIGGER auditLog_append_only_update BEFORE UPDATE ON auditLog
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER auditLog_append_only_delete BEFORE DELETE ON auditLog
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """)
  }
}

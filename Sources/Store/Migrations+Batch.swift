import GRDB

extension Migrations {
  /// Batch jobs and their meters, and the settings-drift flag a read-back of the prepaid block sets.
  static func createBatchJobs(_ db: Database) throws {
    try db.create(table: "batchJob") { t in
      t.autoIncrementedPrimaryKey("id")
      t.column("operation", .text).notNull()
        .check { ["price", "settings", "keep_power", "restore", "trip", "close", "export"].contains($0) }
      t.column("target", .text).notNull()
      t.column("createdBy", .text).notNull()
      t.column("approvedBy", .text)
      t.column("createdAt", .datetime).notNull()
      t.column("state", .text).notNull().check { ["running", "finished"].contains($0) }
      t.column("finishedAt", .datetime)
      t.column("writes", .text).notNull().defaults(to: "")
    }
    try db.create(table: "batchItem") { t in
      t.autoIncrementedPrimaryKey("id")
      t.column("job", .integer).notNull().references("batchJob")
      t.column("meter", .text).notNull().references("meter")
      t.column("bus", .text).notNull()
      t.column("state", .text).notNull().check { ["queued", "done", "failed", "skipped"].contains($0) }
      t.column("reason", .text)
      t.column("attempts", .integer).notNull()
      t.column("updatedAt", .datetime).notNull()
      t.uniqueKey(["job", "meter"])
    }
    try db.create(index: "batchItem_state", on: "batchItem", columns: ["state", "job"])
    try db.alter(table: "meterState") { t in
      t.add(column: "settingsDrift", .text)
    }
  }
}

import GRDB

extension Migrations {
  /// Delivery work recorded by any process for the lease holder: reads asked by other processes,
  /// supervisor resolutions of conflicts (the outbox gains the `void` state and who resolved it),
  /// and the site's read-before-sale age.
  static func createDeliveryWork(_ db: Database) throws {
    try db.alter(table: "siteSettings") { t in
      t.add(column: "saleReadMaxAgeSeconds", .integer).notNull().defaults(to: 900)
    }
    try db.create(table: "readRequest") { t in
      t.autoIncrementedPrimaryKey("id")
      t.column("meter", .text).notNull().references("meter")
      t.column("requestedBy", .text).notNull()
      t.column("state", .text).notNull().check { ["queued", "done", "failed"].contains($0) }
      t.column("error", .text)
      t.column("createdAt", .datetime).notNull()
      t.column("doneAt", .datetime)
    }
    try db.create(index: "readRequest_state", on: "readRequest", columns: ["state"])
    // SQLite cannot change a CHECK constraint in place: rebuild the outbox with `void` allowed.
    try db.create(table: "outbox_v2") { t in
      t.autoIncrementedPrimaryKey("id")
      t.column("bill", .integer).notNull().unique().references("ledgerEntry")
      t.column("meter", .text).notNull().indexed()
      t.column("state", .text).notNull()
        .check { ["queued", "sent", "delivered", "failed", "conflict", "void"].contains($0) }
      t.column("attempts", .integer).notNull()
      t.column("lastError", .text)
      t.column("resultCode", .integer)
      t.column("balanceAfterFen", .integer)
      t.column("createdAt", .datetime).notNull()
      t.column("updatedAt", .datetime).notNull()
      t.column("deliveredAt", .datetime)
      t.column("resolvedBy", .text)
      t.column("resolvedAt", .datetime)
    }
    try db.execute(
      sql: """
        INSERT INTO outbox_v2 (id, bill, meter, state, attempts, lastError, resultCode, balanceAfterFen,
          createdAt, updatedAt, deliveredAt)
        SELECT id, bill, meter, state, attempts, lastError, resultCode, balanceAfterFen, createdAt,
          updatedAt, deliveredAt FROM outbox;
        DROP TABLE outbox;
        ALTER TABLE outbox_v2 RENAME TO outbox;
        CREATE INDEX outbox_state ON outbox(state);
        """)
  }
}

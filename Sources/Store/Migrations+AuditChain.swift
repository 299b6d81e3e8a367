import GRDB

extension Migrations {
  /// The operation log's HMAC chain, the site's backup schedule and the check of meters after a restore.
  ///
  /// Each new `auditLog` row gets `hmac` = HMAC-SHA256(audit key, its content ‖ the previous signed
  /// row's hmac) from an AFTER INSERT trigger calling the per-connection SQL function
  /// `meterdesk_audit_mac` (``AuditChain``); a connection without the key writes NULL. Content
  /// columns stay append-only; `hmac` may only be set once, from NULL. `auditChain` records the
  /// first signed entry, so entries before it are reported as predating the chain.
  static func addAuditChain(_ db: Database) throws {
    try db.alter(table: "auditLog") { t in t.add(column: "hmac", .blob) }
    try db.create(table: "auditChain") { t in
      t.primaryKey("id", .integer).check { $0 == 1 }
      t.column("firstEntry", .integer).notNull()
    }
    try db.execute(
      sql: """
        DROP TRIGGER auditLog_append_only_update;
        CREATE TRIGGER auditLog_append_only_update
        BEFORE UPDATE OF id, at, operator, action, target, detail ON auditLog
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER auditLog_hmac_once BEFORE UPDATE OF hmac ON auditLog
        WHEN OLD.hmac IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER auditLog_chain AFTER INSERT ON auditLog WHEN NEW.hmac IS NULL
        BEGIN
          UPDATE auditLog SET hmac = \(AuditChain.functionName)(
            NEW.at, NEW.operator, NEW.action, NEW.target, NEW.detail,
            (SELECT hmac FROM auditLog WHERE id < NEW.id AND hmac IS NOT NULL ORDER BY id DESC LIMIT 1))
          WHERE id = NEW.id;
          INSERT OR IGNORE INTO auditChain (id, firstEntry)
          SELECT 1, NEW.id WHERE (SELECT hmac FROM auditLog WHERE id = NEW.id) IS NOT NULL;
        END;
        CREATE TRIGGER auditChain_fixed_update BEFORE UPDATE ON auditChain
        BEGIN SELECT RAISE(ABORT, 'the audit chain start is fixed'); END;
        CREATE TRIGGER auditChain_fixed_delete BEFORE DELETE ON auditChain
        BEGIN SELECT RAISE(ABORT, 'the audit chain start is fixed'); END;
        """)
    try db.alter(table: "siteSettings") { t in
      t.add(column: "backupFolder", .text)
      t.add(column: "backupTime", .text)
      t.add(column: "backupKeep", .integer).notNull().defaults(to: 7)
    }
    // After a restore, one row per meter: the count the restored ledger and last reading account
    // for. The first reading taken after the restore settles it: `ok`, or `flagged` when the meter
    // shows purchases the ledger does not know (sales made after the backup was taken). The trigger
    // touches only this table, so a plain `sqlite3` insert into `reading` still works; the audit line
    // of a flag is written from Swift (`auditRestoreFlags`).
    try db.create(table: "restoreCheck") { t in
      t.primaryKey("meter", .text)
      t.column("restoredAt", .datetime).notNull()
      t.column("restoredFrom", .text).notNull()
      t.column("expectedCount", .integer).notNull()
      t.column("state", .text).notNull().check { ["pending", "ok", "flagged", "settled"].contains($0) }
      t.column("meterCount", .integer)
      t.column("checkedAt", .datetime)
      t.column("settledBy", .text)
      t.column("flagAudited", .boolean).notNull().defaults(to: false)
    }
    try db.execute(
      sql: """
        CREATE TRIGGER restoreCheck_reading AFTER INSERT ON reading
        WHEN NEW.purchaseCount IS NOT NULL
        BEGIN
          UPDATE restoreCheck SET meterCount = NEW.purchaseCount, checkedAt = NEW.readAt,
            expectedCount = MAX(expectedCount, COALESCE(
              (SELECT MAX(purchaseCount) FROM ledgerEntry WHERE meter = NEW.meter), 0)),
            state = CASE WHEN NEW.purchaseCount > MAX(expectedCount, COALESCE(
              (SELECT MAX(purchaseCount) FROM ledgerEntry WHERE meter = NEW.meter), 0))
              THEN 'flagged' ELSE 'ok' END
          WHERE meter = NEW.meter AND state = 'pending' AND NEW.readAt > restoredAt;
        END;
        """)
  }
}

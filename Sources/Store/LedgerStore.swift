import Foundation
import GRDB

extension AppDatabase {
  /// Appends a ledger entry, and an outbox entry when it must be delivered to the meter,
  /// in one transaction; returns the entry with its bill number.
  public func appendLedgerEntry(
    _ entry: LedgerEntryRecord, deliver: Bool, audit: AuditRecord
  ) throws -> LedgerEntryRecord {
    try writer.write { db in
      var entry = entry
      try entry.insert(db)
      guard let bill = entry.bill else { throw DatabaseError(message: "no bill number assigned") }
      if deliver {
        var outbox = OutboxRecord(bill: bill, meter: entry.meter, at: entry.createdAt)
        try outbox.insert(db)
      }
      var audit = audit
      audit.target = audit.target.isEmpty ? "bill \(bill)" : audit.target
      try audit.insert(db)
      return entry
    }
  }

  /// Ledger entries of a meter, oldest first.
  public func ledger(meter: String) throws -> [LedgerEntryRecord] {
    try writer.read { db in
      try LedgerEntryRecord.filter(Column("meter") == meter).order(Column("bill")).fetchAll(db)
    }
  }

  /// Every ledger entry, oldest first.
  public func ledger() throws -> [LedgerEntryRecord] {
    try writer.read { db in try LedgerEntryRecord.order(Column("bill")).fetchAll(db) }
  }
}

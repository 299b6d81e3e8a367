import Domain
import Foundation
import GRDB

extension AppDatabase {
  /// Records a read of `meter` for the lease holder; returns the request's id.
  public func enqueueRead(meter: String, by requester: String, at now: Date) throws -> Int64 {
    try writer.write { db in
      var request = ReadRequestRecord(meter: meter, requestedBy: requester, at: now)
      try request.insert(db)
      guard let id = request.id else { throw DatabaseError(message: "no read request id assigned") }
      return id
    }
  }

  /// Read requests still waiting, oldest first.
  public func queuedReads() throws -> [ReadRequestRecord] {
    try writer.read { db in
      try ReadRequestRecord.filter(Column("state") == ReadRequestRecord.State.queued.rawValue)
        .order(Column("id")).fetchAll(db)
    }
  }

  /// One read request.
  public func readRequest(id: Int64) throws -> ReadRequestRecord? {
    try writer.read { db in try ReadRequestRecord.fetchOne(db, key: id) }
  }

  /// Marks a read request done (no error) or failed.
  public func finishRead(id: Int64, error: String?, at now: Date) throws {
    try writer.write { db in
      guard var request = try ReadRequestRecord.fetchOne(db, key: id) else { return }
      request.state = error == nil ? .done : .failed
      request.error = error
      request.doneAt = now
      try request.update(db)
    }
  }

  /// Every entry not delivered yet (queued, sent, failed, conflict), in bill order.
  public func undeliveredRows() throws -> [SaleRow] {
    try writer.read { db in
      let states = [DeliveryState.queued, .sent, .failed, .conflict].map(\.rawValue)
      let outboxes = try OutboxRecord.filter(states.contains(Column("state"))).order(Column("bill"))
        .fetchAll(db)
      return try outboxes.compactMap { outbox in
        try LedgerEntryRecord.fetchOne(db, key: outbox.bill).map { SaleRow(entry: $0, outbox: outbox) }
      }
    }
  }

  /// How many entries of the site the lease holder still owes its meters (queued or sent).
  public func pendingDeliveryCount() throws -> Int {
    try writer.read { db in
      try OutboxRecord.filter([DeliveryState.queued, .sent].map(\.rawValue).contains(Column("state")))
        .fetchCount(db)
    }
  }

  /// Meters with an entry still on its way.
  public func metersWithPendingDeliveries() throws -> Set<String> {
    try writer.read { db in
      Set(
        try String.fetchAll(
          db, sql: "SELECT DISTINCT meter FROM outbox WHERE state IN ('queued', 'sent')"))
    }
  }

  /// A supervisor's resolution of a failed or conflicting entry, in one transaction: the outbox
  /// entry takes `state` (delivered, void or queued again); a void also appends `reversal`, the
  /// ledger entry that gives the tenant the money back. Throws when the entry is no longer
  /// failed or in conflict (somebody resolved it first).
  public func resolveOutbox(
    bill: Int64, to state: DeliveryState, by supervisor: String, at now: Date, balanceFen: Int64?,
    reversal: LedgerEntryRecord?, audit: AuditRecord
  ) throws -> SaleRow {
    try writer.write { db in
      guard var outbox = try OutboxRecord.filter(Column("bill") == bill).fetchOne(db),
        let entry = try LedgerEntryRecord.fetchOne(db, key: bill)
      else { throw DatabaseError(message: "no outbox entry for bill \(bill)") }
      guard outbox.state.needsSupervisor else {
        throw DatabaseError(message: "bill \(bill) is \(outbox.state.rawValue), not failed or in conflict")
      }
      outbox.state = state
      outbox.resolvedBy = supervisor
      outbox.resolvedAt = now
      outbox.updatedAt = now
      if state == .delivered {
        outbox.deliveredAt = now
        outbox.balanceAfterFen = balanceFen
      }
      if state == .queued { outbox.resultCode = nil }
      try outbox.update(db)
      if var reversal {
        try reversal.insert(db)
      }
      try audit.insert(db)
      return SaleRow(entry: entry, outbox: outbox)
    }
  }
}

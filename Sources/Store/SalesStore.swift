import Foundation
import GRDB

/// What a new sale, refund or reversal is checked against, read inside its write transaction.
public struct SaleContext: Sendable {
  /// The meter.
  public var meter: MeterRecord
  /// Its account, when the meter is opened.
  public var account: AccountRecord?
  /// Its latest acquired state, if it was ever read.
  public var state: MeterStateRecord?
  /// The site's hoarding cap (最大囤积金额), fen.
  public var hoardingCapFen: Int64
  /// Sum of the amounts still on their way to the meter (queued or sent), fen.
  public var undeliveredFen: Int64
  /// The purchase count the new entry will carry.
  public var expectedPurchaseCount: Int64?
  /// For a reversal: the entry it cancels.
  public var target: LedgerEntryRecord?
  /// For a reversal: the delivery of the entry it cancels.
  public var targetOutbox: OutboxRecord?
  /// For a reversal: true when a reversal of the target exists that did not fail.
  public var targetAlreadyReversed: Bool
}

/// A ledger entry with its delivery to the meter, if it has one.
public struct SaleRow: Sendable, Hashable {
  /// The ledger entry.
  public var entry: LedgerEntryRecord
  /// Its outbox entry.
  public var outbox: OutboxRecord?

  /// Pairs an entry with its delivery.
  public init(entry: LedgerEntryRecord, outbox: OutboxRecord?) {
    self.entry = entry
    self.outbox = outbox
  }
}

extension AppDatabase {
  /// Appends a ledger entry to be delivered, its outbox entry and an audit line in one write
  /// transaction; `build` sees the meter's context (expected purchase count included) and may throw.
  public func appendDelivery(
    meter: String, reversing: Int64?,
    _ build: (SaleContext) throws -> (LedgerEntryRecord, AuditRecord)
  ) throws -> SaleRow {
    try writer.write { db in
      let context = try Self.saleContext(db, meter: meter, reversing: reversing)
      var (entry, audit) = try build(context)
      try entry.insert(db)
      guard let bill = entry.bill else { throw DatabaseError(message: "no bill number assigned") }
      var outbox = OutboxRecord(bill: bill, meter: entry.meter, at: entry.createdAt)
      try outbox.insert(db)
      audit.target = audit.target.isEmpty ? "bill \(bill)" : audit.target
      try audit.insert(db)
      return SaleRow(entry: entry, outbox: outbox)
    }
  }

  /// Entries whose delivery is queued or was sent without an answer, in bill order.
  public func pendingDeliveries() throws -> [SaleRow] {
    try writer.read { db in
      let outboxes = try OutboxRecord.filter(["queued", "sent"].contains(Column("state")))
        .order(Column("bill")).fetchAll(db)
      return try outboxes.compactMap { outbox in
        try LedgerEntryRecord.fetchOne(db, key: outbox.bill).map { SaleRow(entry: $0, outbox: outbox) }
      }
    }
  }

  /// Replaces an outbox entry's delivery state (the ledger entry itself never changes).
  public func updateOutbox(_ outbox: OutboxRecord, audit: AuditRecord? = nil) throws {
    try writer.write { db in
      try outbox.update(db)
      try audit?.insert(db)
      // A delivered entry read the meter's balance and count just now: keep the meter's stored
      // state current, so caps, refunds and settlements never work from a balance that predates it.
      if outbox.state == .delivered, let balance = outbox.balanceAfterFen,
        let count = try LedgerEntryRecord.fetchOne(db, key: outbox.bill)?.purchaseCount
      {
        try db.execute(
          sql: """
            UPDATE meterState SET remainingFen = ?, purchaseCount = ?
            WHERE meter = ? AND (purchaseCount IS NULL OR purchaseCount <= ?)
            """, arguments: [balance, count, outbox.meter, count])
      }
    }
  }

  /// One ledger entry with its delivery.
  public func saleRow(bill: Int64) throws -> SaleRow? {
    try writer.read { db in
      guard let entry = try LedgerEntryRecord.fetchOne(db, key: bill) else { return nil }
      let outbox = try OutboxRecord.filter(Column("bill") == bill).fetchOne(db)
      return SaleRow(entry: entry, outbox: outbox)
    }
  }

  /// Ledger entries entered in `[start, end)` (either bound optional) with their deliveries, in bill
  /// order: two queries, however many rows.
  public func saleRows(from start: Date?, to end: Date?) throws -> [SaleRow] {
    try writer.read { db in
      var entries = LedgerEntryRecord.all()
      if let start { entries = entries.filter(Column("createdAt") >= start) }
      if let end { entries = entries.filter(Column("createdAt") < end) }
      let rows = try entries.order(Column("bill")).fetchAll(db)
      guard let first = rows.first?.bill else { return [] }
      let outboxes = try OutboxRecord.filter(Column("bill") >= first).fetchAll(db)
      let byBill = Dictionary(outboxes.map { ($0.bill, $0) }, uniquingKeysWith: { first, _ in first })
      return rows.map { entry in SaleRow(entry: entry, outbox: entry.bill.flatMap { byBill[$0] }) }
    }
  }

  /// Ledger entries of a meter with their deliveries, oldest first.
  public func saleRows(meter: String) throws -> [SaleRow] {
    try writer.read { db in
      let entries = try LedgerEntryRecord.filter(Column("meter") == meter).order(Column("bill")).fetchAll(db)
      let outboxes = try OutboxRecord.filter(Column("meter") == meter).fetchAll(db)
      let byBill = Dictionary(outboxes.map { ($0.bill, $0) }, uniquingKeysWith: { first, _ in first })
      return entries.map { entry in SaleRow(entry: entry, outbox: entry.bill.flatMap { byBill[$0] }) }
    }
  }

  static func saleContext(_ db: Database, meter number: String, reversing: Int64?) throws -> SaleContext {
    guard let meter = try MeterRecord.fetchOne(db, key: number) else {
      throw DatabaseError(message: "no meter \(number)")
    }
    let account = try meter.account.flatMap { try AccountRecord.fetchOne(db, key: $0) }
    let state = try MeterStateRecord.fetchOne(db, key: number)
    let cap = try SiteSettingsRecord.fetchOne(db)?.hoardingCapFen ?? 0
    let pending = try Row.fetchOne(
      db,
      sql: """
        SELECT COALESCE(SUM(l.amountFen), 0) AS pendingFen, MAX(l.purchaseCount) AS maxCount
        FROM ledgerEntry l JOIN outbox o ON o.bill = l.bill
        WHERE l.meter = ? AND o.state IN ('queued', 'sent')
        """, arguments: [number])
    let delivered = try Int64.fetchOne(
      db,
      sql: """
        SELECT MAX(l.purchaseCount) FROM ledgerEntry l JOIN outbox o ON o.bill = l.bill
        WHERE l.meter = ? AND o.state = 'delivered'
        """, arguments: [number])
    let pendingFen: Int64 = pending?["pendingFen"] ?? 0
    let pendingCount: Int64? = pending?["maxCount"]
    var expected: Int64?
    if let read = state?.purchaseCount {
      expected = max(read, pendingCount ?? 0, delivered ?? 0) + 1
    }
    var context = SaleContext(
      meter: meter, account: account, state: state, hoardingCapFen: cap, undeliveredFen: pendingFen,
      expectedPurchaseCount: expected, target: nil, targetOutbox: nil, targetAlreadyReversed: false)
    if let reversing {
      context.target = try LedgerEntryRecord.fetchOne(db, key: reversing)
      context.targetOutbox = try OutboxRecord.filter(Column("bill") == reversing).fetchOne(db)
      let live = try Int.fetchOne(
        db,
        sql: """
          SELECT COUNT(*) FROM ledgerEntry l LEFT JOIN outbox o ON o.bill = l.bill
          WHERE l.reversesBill = ? AND COALESCE(o.state, 'delivered') <> 'failed'
          """, arguments: [reversing])
      context.targetAlreadyReversed = (live ?? 0) > 0
    }
    return context
  }
}

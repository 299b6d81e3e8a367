import Domain
import Foundation
import GRDB

/// One ledger entry of a cashier's shift, with the payment method of the sale a reversal cancels.
public struct ShiftLedgerEntry: Sendable, Hashable {
  /// The entry's bill number.
  public var bill: Int64
  /// Sale, refund or reversal.
  public var kind: LedgerKind
  /// Signed amount in fen, as the ledger holds it.
  public var amountFen: Int64
  /// How a sale was paid; nil for refunds and reversals.
  public var payMethod: PayMethod?
  /// For a reversal, how the sale it cancels was paid (nil when unknown).
  public var reversedPayMethod: PayMethod?
  /// When it was entered.
  public var createdAt: Date

  /// Creates an entry.
  public init(
    bill: Int64, kind: LedgerKind, amountFen: Int64, payMethod: PayMethod?, reversedPayMethod: PayMethod?,
    createdAt: Date
  ) {
    self.bill = bill
    self.kind = kind
    self.amountFen = amountFen
    self.payMethod = payMethod
    self.reversedPayMethod = reversedPayMethod
    self.createdAt = createdAt
  }
}

/// What the store knows of a cashier's open shift: the previous hand-over, the first log-in after it,
/// and the cashier's sales, refunds and reversals since it.
public struct ShiftLedger: Sendable, Hashable {
  /// The cashier's latest hand-over, nil when there has been none.
  public var previous: ShiftHandoverRecord?
  /// The cashier's first successful log-in after `previous` (or ever), nil when there is none.
  public var firstLogIn: Date?
  /// The cashier's sales, refunds and reversals entered after `previous` closed, in bill order.
  public var entries: [ShiftLedgerEntry]

  /// Creates the state of a shift.
  public init(previous: ShiftHandoverRecord?, firstLogIn: Date?, entries: [ShiftLedgerEntry]) {
    self.previous = previous
    self.firstLogIn = firstLogIn
    self.entries = entries
  }
}

extension AppDatabase {
  /// The open shift of `name` as of `end`: the latest hand-over, the first successful log-in (audit
  /// action `login`) after it and up to `end`, and the cashier's sale, refund and reversal entries
  /// entered after it closed and up to `end`.
  public func shiftLedger(operator name: String, through end: Date) throws -> ShiftLedger {
    try writer.read { db in try Self.shiftLedger(db, operator: name, through: end) }
  }

  /// Closes the open shift of `name` in one write transaction: reads the shift as of `end`, lets
  /// `build` turn it into the hand-over and its audit line, and appends both.
  public func closeShift(
    operator name: String, through end: Date,
    _ build: (ShiftLedger) throws -> (ShiftHandoverRecord, AuditRecord)
  ) throws -> ShiftHandoverRecord {
    try writer.write { db in
      let (record, audit) = try build(try Self.shiftLedger(db, operator: name, through: end))
      var inserted = record
      try inserted.insert(db)
      try audit.insert(db)
      return inserted
    }
  }

  /// Hand-overs closed in `[start, end)`, of `name` only when given, oldest first.
  public func shiftHandovers(from start: Date, to end: Date, operator name: String? = nil) throws
    -> [ShiftHandoverRecord]
  {
    try writer.read { db in
      var request = ShiftHandoverRecord.filter(Column("closedAt") >= start && Column("closedAt") < end)
      if let name { request = request.filter(Column("operator") == name) }
      return try request.order(Column("closedAt"), Column("id")).fetchAll(db)
    }
  }

  /// The latest hand-over of `name`, nil when there has been none.
  public func lastShiftHandover(operator name: String) throws -> ShiftHandoverRecord? {
    try writer.read { db in try Self.lastHandover(db, operator: name) }
  }

  private static func lastHandover(_ db: Database, operator name: String) throws -> ShiftHandoverRecord? {
    try ShiftHandoverRecord.filter(Column("operator") == name)
      .order(Column("closedAt").desc, Column("id").desc).fetchOne(db)
  }

  private static func shiftLedger(_ db: Database, operator name: String, through end: Date) throws
    -> ShiftLedger
  {
    let previous = try lastHandover(db, operator: name)
    let after = previous?.closedAt ?? Date.distantPast
    let firstLogIn = try Date.fetchOne(
      db,
      sql: """
        SELECT MIN(at) FROM auditLog
        WHERE action = 'login' AND operator = ? AND target = ? AND at > ? AND at <= ?
        """, arguments: [name, name, after, end])
    var arguments: StatementArguments = [name, after, end]
    arguments += StatementArguments([LedgerKind.sale, .refund, .reversal].map(\.rawValue))
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT l.bill, l.kind, l.amountFen, l.payMethod, l.createdAt, o.payMethod AS reversedPay
        FROM ledgerEntry l LEFT JOIN ledgerEntry o ON o.bill = l.reversesBill
        WHERE l.operator = ? AND l.createdAt > ? AND l.createdAt <= ? AND l.kind IN (?, ?, ?)
        ORDER BY l.bill
        """, arguments: arguments)
    let entries = try rows.map { row in
      let kindText: String = row["kind"]
      guard let kind = LedgerKind(rawValue: kindText) else {
        throw DatabaseError(message: "unknown ledger kind \(kindText)")
      }
      let pay: String? = row["payMethod"]
      let reversedPay: String? = row["reversedPay"]
      return ShiftLedgerEntry(
        bill: row["bill"], kind: kind, amountFen: row["amountFen"],
        payMethod: pay.flatMap(PayMethod.init(rawValue:)),
        reversedPayMethod: reversedPay.flatMap(PayMethod.init(rawValue:)), createdAt: row["createdAt"])
    }
    return ShiftLedger(previous: previous, firstLogIn: firstLogIn, entries: entries)
  }
}

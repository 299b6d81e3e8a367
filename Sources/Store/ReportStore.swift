import Domain
import Foundation
import GRDB

/// One ledger entry as the reports read it: what it was, how much, who entered it, when, and where.
public struct ReportLedgerRow: Sendable, Hashable {
  /// Sale, refund or reversal (the reports' kinds).
  public var kind: LedgerKind
  /// Signed amount in fen, as the ledger holds it.
  public var amountFen: Int64
  /// How a sale was paid, nil for other kinds.
  public var payMethod: PayMethod?
  /// Who entered it.
  public var `operator`: String
  /// When it was entered.
  public var createdAt: Date
  /// The meter's building, empty when the meter is unknown.
  public var building: String

  /// Creates a row.
  public init(
    kind: LedgerKind, amountFen: Int64, payMethod: PayMethod?, operator: String, createdAt: Date,
    building: String
  ) {
    self.kind = kind
    self.amountFen = amountFen
    self.payMethod = payMethod
    self.operator = `operator`
    self.createdAt = createdAt
    self.building = building
  }
}

/// Narrows a ledger query: every field set must match, nil matches all.
public struct LedgerScope: Sendable, Hashable {
  /// The entry's operator.
  public var `operator`: String?
  /// The entry's meter's building.
  public var building: String?
  /// The entry's meter's bus.
  public var bus: String?
  /// The entry's meter.
  public var meter: String?
  /// The entry's account.
  public var account: String?

  /// Creates a scope; the default matches every entry.
  public init(
    operator: String? = nil, building: String? = nil, bus: String? = nil, meter: String? = nil,
    account: String? = nil
  ) {
    self.operator = `operator`
    self.building = building
    self.bus = bus
    self.meter = meter
    self.account = account
  }

  /// The scope's SQL conditions over `ledgerEntry l` joined with `meter m`, with their arguments.
  func conditions() -> (sql: String, arguments: StatementArguments) {
    var sql = ""
    var arguments = StatementArguments()
    for (column, value) in [
      ("l.operator", self.operator), ("m.building", building), ("m.bus", bus), ("l.meter", meter),
      ("l.account", account),
    ] {
      guard let value else { continue }
      sql += " AND \(column) = ?"
      arguments += [value]
    }
    return (sql, arguments)
  }
}

extension AppDatabase {
  /// Ledger entries of `kinds` entered in `[start, end)` within `scope`, in bill order: one query joining
  /// each entry's meter for its building and bus.
  public func reportLedgerRows(
    from start: Date, to end: Date, kinds: [LedgerKind], where scope: LedgerScope = LedgerScope()
  ) throws -> [ReportLedgerRow] {
    guard !kinds.isEmpty else { return [] }
    var sql = """
      SELECT l.kind, l.amountFen, l.payMethod, l.operator, l.createdAt,
        COALESCE(m.building, '') AS building
      FROM ledgerEntry l LEFT JOIN meter m ON m.number = l.meter
      WHERE l.createdAt >= ? AND l.createdAt < ?
      AND l.kind IN (\(kinds.map { _ in "?" }.joined(separator: ", ")))
      """
    var arguments: StatementArguments = [start, end]
    arguments += StatementArguments(kinds.map(\.rawValue))
    let conditions = scope.conditions()
    sql += conditions.sql
    arguments += conditions.arguments
    sql += " ORDER BY l.bill"
    return try writer.read { db in
      try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
        let kindText: String = row["kind"]
        guard let kind = LedgerKind(rawValue: kindText) else {
          throw DatabaseError(message: "unknown ledger kind \(kindText)")
        }
        let payText: String? = row["payMethod"]
        return ReportLedgerRow(
          kind: kind, amountFen: row["amountFen"], payMethod: payText.flatMap(PayMethod.init(rawValue:)),
          operator: row["operator"], createdAt: row["createdAt"], building: row["building"])
      }
    }
  }
}

/// Ledger sums for one local day, cashier, kind and payment method: what a sales report adds up.
public struct ReportLedgerSum: Sendable, Hashable {
  /// Local day "YYYY-MM-DD".
  public var day: String
  /// Who entered the entries.
  public var `operator`: String
  /// Sale, refund or reversal.
  public var kind: LedgerKind
  /// How sales were paid, nil for other kinds.
  public var payMethod: PayMethod?
  /// The signed sum in fen.
  public var amountFen: Int64
  /// How many entries.
  public var count: Int
}

extension AppDatabase {
  /// Ledger sums of `kinds` entered in `[start, end)` within `scope`, per local day (UTC shifted by
  /// `utcOffsetSeconds`, for zones whose offset does not change in the range), cashier, kind and payment
  /// method: one grouped query, so a year of entries costs one pass in SQLite.
  public func reportLedgerSums(
    from start: Date, to end: Date, kinds: [LedgerKind], utcOffsetSeconds: Int,
    where scope: LedgerScope = LedgerScope()
  ) throws -> [ReportLedgerSum] {
    guard !kinds.isEmpty else { return [] }
    let conditions = scope.conditions()
    let join = scope.building != nil || scope.bus != nil ? "LEFT JOIN meter m ON m.number = l.meter" : ""
    let sql = """
      SELECT strftime('%Y-%m-%d', l.createdAt, ? || ' seconds') AS day, l.operator, l.kind, l.payMethod,
        SUM(l.amountFen) AS amountFen, COUNT(*) AS entries
      FROM ledgerEntry l \(join)
      WHERE l.createdAt >= ? AND l.createdAt < ?
      AND l.kind IN (\(kinds.map { _ in "?" }.joined(separator: ", ")))\(conditions.sql)
      GROUP BY day, l.operator, l.kind, l.payMethod
      """
    var arguments: StatementArguments = [String(format: "%+d", utcOffsetSeconds), start, end]
    arguments += StatementArguments(kinds.map(\.rawValue))
    arguments += conditions.arguments
    return try writer.read { db in
      try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
        let kindText: String = row["kind"]
        guard let kind = LedgerKind(rawValue: kindText) else {
          throw DatabaseError(message: "unknown ledger kind \(kindText)")
        }
        let payText: String? = row["payMethod"]
        return ReportLedgerSum(
          day: row["day"], operator: row["operator"], kind: kind,
          payMethod: payText.flatMap(PayMethod.init(rawValue:)), amountFen: row["amountFen"], count: row["entries"])
      }
    }
  }
}

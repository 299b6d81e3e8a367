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

/// A cashier's sales on one local day: what a sales report adds up.
public struct ReportSalesDay: Sendable, Hashable {
  /// Local day "YYYY-MM-DD".
  public var day: String
  /// The cashier.
  public var `operator`: String
  /// Sales in fen.
  public var salesFen: Int64
  /// Number of sales.
  public var sales: Int
  /// Reversals in fen, positive.
  public var reversalsFen: Int64
  /// Number of reversals.
  public var reversals: Int
  /// Refunds in fen, positive.
  public var refundsFen: Int64
  /// Number of refunds.
  public var refunds: Int
  /// Sales per payment method in fen.
  public var byPayFen: [PayMethod: Int64]
}

extension AppDatabase {
  /// Sales, reversals and refunds entered in `[start, end)` within `scope`, per cashier and local day, the
  /// day taken as UTC shifted by `utcOffsetSeconds` (for zones whose offset does not change in the range).
  /// With a whole-hour offset and no meter, account, bus or building filter (and `useRollup`), the sums
  /// come from the hourly rollup `ledgerHourly`; otherwise from one grouped query over the bills.
  public func reportSalesDays(
    from start: Date, to end: Date, utcOffsetSeconds: Int, where scope: LedgerScope = LedgerScope(),
    useRollup: Bool = true
  ) throws -> [ReportSalesDay] {
    let columns = Migrations.salesRollupColumns
    let sql: String
    var arguments: StatementArguments
    if useRollup, utcOffsetSeconds % 3600 == 0, scope.building == nil, scope.bus == nil, scope.meter == nil,
      scope.account == nil
    {
      let startHour = Int64((start.timeIntervalSince1970 / 3600).rounded(.down))
      let endHour = Int64((end.timeIntervalSince1970 / 3600).rounded(.up))
      sql = """
        SELECT (hour * 3600 + ?) / 86400 AS dayNumber, operator, \(columns.map { "SUM(\($0))" }.joined(separator: ", "))
        FROM ledgerHourly WHERE hour >= ? AND hour < ?\(scope.operator == nil ? "" : " AND operator = ?")
        GROUP BY dayNumber, operator
        """
      arguments = [utcOffsetSeconds, startHour, endHour]
      if let name = scope.operator { arguments += [name] }
    } else {
      let conditions = scope.conditions()
      let join = scope.building != nil || scope.bus != nil ? "LEFT JOIN meter m ON m.number = l.meter" : ""
      sql = """
        SELECT (CAST(strftime('%s', l.createdAt) AS INTEGER) + ?) / 86400 AS dayNumber, l.operator,
          \(Migrations.salesRollupValues(entry: "l.").map { "SUM(\($0))" }.joined(separator: ", "))
        FROM ledgerEntry l \(join)
        WHERE l.createdAt >= ? AND l.createdAt < ? AND l.kind IN ('sale', 'reversal', 'refund')\(conditions.sql)
        GROUP BY dayNumber, l.operator
        """
      arguments = [utcOffsetSeconds, start, end]
      arguments += conditions.arguments
    }
    return try writer.read { db in
      try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
        let dayNumber: Int64 = row[0]
        let values: [Int64] = (0..<columns.count).map { row[2 + $0] }
        return ReportSalesDay(
          day: Self.dayText(dayNumber), operator: row[1], salesFen: values[0], sales: Int(values[1]),
          reversalsFen: values[2], reversals: Int(values[3]), refundsFen: values[4], refunds: Int(values[5]),
          byPayFen: [.cash: values[6], .wechat: values[7], .alipay: values[8], .card: values[9]])
      }
    }
  }

  /// "YYYY-MM-DD" of day number `days` since 1970-01-01.
  static func dayText(_ days: Int64) -> String {
    // Civil from days (Howard Hinnant's algorithm), proleptic Gregorian.
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    return String(format: "%04lld-%02lld-%02lld", year, month, day)
  }
}

import GRDB

extension Migrations {
  /// Hourly sales per cashier (UTC hours since 1970): sales, reversals and refunds with their counts and
  /// sales per payment method, kept by a trigger on every ledger insert and filled from the entries already
  /// there. A year of sales reports reads one row per cashier and hour, not every bill.
  static func createSalesRollup(_ db: Database) throws {
    try db.create(table: "ledgerHourly", options: .withoutRowID) { t in
      t.column("hour", .integer).notNull()
      t.column("operator", .text).notNull()
      for column in salesRollupColumns { t.column(column, .integer).notNull().defaults(to: 0) }
      t.primaryKey(["hour", "operator"])
    }
    let values = salesRollupValues(entry: "")
    try db.execute(
      sql: """
        INSERT INTO ledgerHourly (hour, operator, \(salesRollupColumns.joined(separator: ", ")))
        SELECT CAST(strftime('%s', createdAt) AS INTEGER) / 3600, operator,
          \(values.map { "SUM(\($0))" }.joined(separator: ", "))
        FROM ledgerEntry WHERE kind IN ('sale', 'reversal', 'refund') GROUP BY 1, 2;
        CREATE TRIGGER ledgerHourly_after_insert AFTER INSERT ON ledgerEntry
        WHEN NEW.kind IN ('sale', 'reversal', 'refund')
        BEGIN
          INSERT INTO ledgerHourly (hour, operator, \(salesRollupColumns.joined(separator: ", ")))
          VALUES (CAST(strftime('%s', NEW.createdAt) AS INTEGER) / 3600, NEW.operator,
            \(salesRollupValues(entry: "NEW.").joined(separator: ", ")))
          ON CONFLICT (hour, operator) DO UPDATE SET
            \(salesRollupColumns.map { "\($0) = \($0) + excluded.\($0)" }.joined(separator: ", "));
        END;
        """)
  }

  /// The rollup's value columns, in order.
  static let salesRollupColumns = [
    "salesFen", "sales", "reversalsFen", "reversals", "refundsFen", "refunds", "cashFen", "wechatFen",
    "alipayFen", "cardFen",
  ]

  /// Each value column's contribution of one ledger entry (columns prefixed by `entry`).
  static func salesRollupValues(entry: String) -> [String] {
    func when(_ condition: String, _ value: String) -> String {
      "CASE WHEN \(condition) THEN \(value) ELSE 0 END"
    }
    let kind = "\(entry)kind"
    let amount = "\(entry)amountFen"
    let pay = "\(entry)payMethod"
    return [
      when("\(kind) = 'sale'", amount), when("\(kind) = 'sale'", "1"),
      when("\(kind) = 'reversal'", "-\(amount)"), when("\(kind) = 'reversal'", "1"),
      when("\(kind) = 'refund'", "-\(amount)"), when("\(kind) = 'refund'", "1"),
      when("\(kind) = 'sale' AND \(pay) = 'cash'", amount),
      when("\(kind) = 'sale' AND \(pay) = 'wechat'", amount),
      when("\(kind) = 'sale' AND \(pay) = 'alipay'", amount),
      when("\(kind) = 'sale' AND \(pay) = 'card'", amount),
    ]
  }
}

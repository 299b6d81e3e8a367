import Documents
import Domain
import Foundation
import Store

/// How a report's rows are grouped in time: by local day, month or year.
public enum ReportGrouping: String, Sendable, Hashable, CaseIterable {
  /// One row per local day ("2026-11-30").
  case day
  /// One row per month ("2026-11").
  case month
  /// One row per year ("2026").
  case year

  /// The period of `day` under this grouping.
  public func period(of day: ReportDay) -> String {
    switch self {
    case .day: day.description
    case .month: String(format: "%04d-%02d", day.year, day.month)
    case .year: String(format: "%04d", day.year)
    }
  }
}

/// What a sales report (售电报表) covers: a range of local days, a grouping and filters.
public struct SalesReportQuery: Sendable, Hashable {
  /// The first day, inclusive.
  public var from: ReportDay
  /// The last day, inclusive.
  public var to: ReportDay
  /// Rows per day, month or year.
  public var by: ReportGrouping
  /// One row per cashier and period when true; one row per period for all cashiers when false.
  public var perOperator: Bool
  /// Which entries count (operator, building, bus, meter, account).
  public var filter: ReportFilter

  /// Creates a query.
  public init(
    from: ReportDay, to: ReportDay, by: ReportGrouping = .day, perOperator: Bool = true,
    filter: ReportFilter = ReportFilter()
  ) {
    self.from = from
    self.to = to
    self.by = by
    self.perOperator = perOperator
    self.filter = filter
  }
}

/// Sums of one row (or the totals) of a sales report; every amount is positive fen.
public struct SalesFigures: Sendable, Hashable {
  /// Sum of the sale entries (售电金额).
  public var sales: Money = .zero
  /// Sum of the reversal entries as a positive amount (冲正金额).
  public var reversals: Money = .zero
  /// Sum of the refund entries as a positive amount (退电金额).
  public var refunds: Money = .zero
  /// Number of sale entries (笔数).
  public var bills: Int = 0
  /// Sales split by payment method; every method is present.
  public var byPay: [PayMethod: Money] = Dictionary(
    uniqueKeysWithValues: PayMethod.allCases.map { ($0, .zero) })

  /// Net income (财务收入): sales − reversals − refunds.
  public var net: Money { sales - reversals - refunds }

  /// Empty figures.
  public init() {}

  /// Adds one ledger row; kinds other than sale, reversal and refund are ignored.
  public mutating func add(_ row: ReportLedgerRow) {
    let amount = Money(fen: row.amountFen)
    switch row.kind {
    case .sale:
      sales += amount
      bills += 1
      if let pay = row.payMethod { byPay[pay, default: .zero] += amount }
    case .reversal: reversals += Money(fen: -row.amountFen)
    case .refund: refunds += Money(fen: -row.amountFen)
    case .transferIn, .closingSettlement: break
    }
  }

  /// Adds a cashier's day.
  public mutating func add(_ day: ReportSalesDay) {
    sales += Money(fen: day.salesFen)
    reversals += Money(fen: day.reversalsFen)
    refunds += Money(fen: day.refundsFen)
    bills += day.sales
    for (pay, fen) in day.byPayFen { byPay[pay, default: .zero] += Money(fen: fen) }
  }

  /// Adds another row's figures.
  public mutating func add(_ other: SalesFigures) {
    sales += other.sales
    reversals += other.reversals
    refunds += other.refunds
    bills += other.bills
    for (pay, amount) in other.byPay { byPay[pay, default: .zero] += amount }
  }
}

/// One row of a sales report: a cashier (or all) and a period with its figures.
public struct SalesReportRow: Sendable, Hashable {
  /// The cashier, nil when the row is for all cashiers.
  public var `operator`: String?
  /// "2026-11-30", "2026-11" or "2026".
  public var period: String
  /// The row's sums.
  public var figures: SalesFigures

  /// Creates a row.
  public init(operator: String?, period: String, figures: SalesFigures) {
    self.operator = `operator`
    self.period = period
    self.figures = figures
  }
}

/// A sales report: its query, the rows in period then cashier order, and the totals.
public struct SalesReport: Sendable, Hashable {
  /// What was asked.
  public var query: SalesReportQuery
  /// The site's time zone the days were taken in.
  public var timeZone: TimeZone
  /// Rows with at least one entry, by period then cashier.
  public var rows: [SalesReportRow]
  /// The sum of the rows.
  public var totals: SalesFigures
}

extension ReportFilter {
  /// The filter as the store's ledger query takes it.
  var ledgerScope: LedgerScope {
    LedgerScope(operator: self.operator, building: building, bus: bus, meter: meter, account: account)
  }
}

/// Builds sales reports (售电报表) from the ledger, in the site's time zone.
public struct SalesReportService: Sendable {
  let database: AppDatabase

  /// The ledger kinds a sales report counts; transfers in and closing settlements are not sales.
  public static let kinds: [LedgerKind] = [.sale, .reversal, .refund]

  /// Creates the service over a database.
  public init(database: AppDatabase) {
    self.database = database
  }

  /// The site's time zone (the process's own when the site names none or an unknown one).
  public func timeZone() throws -> TimeZone {
    TimeZone(identifier: try database.siteSettings()?.timeZone ?? "") ?? .current
  }

  /// Runs `query`: reads the entries of its range and groups them by local period and cashier.
  public func report(_ query: SalesReportQuery) throws -> SalesReport {
    let zone = try timeZone()
    let start = query.from.start(in: zone)
    let end = query.to.end(in: zone)
    if let offset = Self.fixedOffset(zone, from: start, to: end) {
      let days = try database.reportSalesDays(
        from: start, to: end, utcOffsetSeconds: offset, where: query.filter.ledgerScope)
      return Self.group(days, query: query, zone: zone)
    }
    let entries = try database.reportLedgerRows(
      from: query.from.start(in: zone), to: query.to.end(in: zone), kinds: Self.kinds,
      where: query.filter.ledgerScope)
    return Self.group(entries, query: query, zone: zone)
  }

  /// The zone's offset from UTC in seconds when it stays the same over `[start, end)` (no daylight-saving
  /// change), so days can be taken in SQL; nil otherwise.
  static func fixedOffset(_ zone: TimeZone, from start: Date, to end: Date) -> Int? {
    if let change = zone.nextDaylightSavingTimeTransition(after: start), change < end { return nil }
    let offset = zone.secondsFromGMT(for: start)
    return zone.secondsFromGMT(for: end) == offset ? offset : nil
  }

  /// Groups per-day sums into report rows and totals; pure, for tests.
  public static func group(_ sums: [ReportSalesDay], query: SalesReportQuery, zone: TimeZone) -> SalesReport {
    var groups: [String: [String: SalesFigures]] = [:]
    var totals = SalesFigures()
    for sum in sums {
      guard let day = ReportDay(sum.day) else { continue }
      let period = query.by.period(of: day)
      let name = query.perOperator ? sum.operator : ""
      groups[period, default: [:]][name, default: SalesFigures()].add(sum)
      totals.add(sum)
    }
    let rows = groups.keys.sorted().flatMap { period in
      (groups[period] ?? [:]).sorted { $0.key < $1.key }.map { name, figures in
        SalesReportRow(operator: query.perOperator ? name : nil, period: period, figures: figures)
      }
    }
    return SalesReport(query: query, timeZone: zone, rows: rows, totals: totals)
  }

  /// Groups ledger rows into report rows and totals; pure, for tests.
  public static func group(_ entries: [ReportLedgerRow], query: SalesReportQuery, zone: TimeZone)
    -> SalesReport
  {
    struct Key: Hashable, Comparable {
      var period: String
      var name: String
      static func < (lhs: Key, rhs: Key) -> Bool { (lhs.period, lhs.name) < (rhs.period, rhs.name) }
    }
    var groups: [Key: SalesFigures] = [:]
    var totals = SalesFigures()
    for entry in entries {
      let period = query.by.period(of: ReportDay(entry.createdAt, in: zone))
      let key = Key(period: period, name: query.perOperator ? entry.operator : "")
      groups[key, default: SalesFigures()].add(entry)
      totals.add(entry)
    }
    let rows = groups.keys.sorted().compactMap { key in
      groups[key].map {
        SalesReportRow(operator: query.perOperator ? key.name : nil, period: key.period, figures: $0)
      }
    }
    return SalesReport(query: query, timeZone: zone, rows: rows, totals: totals)
  }

  /// The report as a spreadsheet: 售电员 · 日期 · 售电金额 · 冲正金额 · 退电金额 · 财务收入 · 笔数 and sales per
  /// payment method (现金 · 微信 · 支付宝 · 银行卡), a totals row, and a bar chart of sales per row's period.
  public static func table(_ report: SalesReport, siteName: String) -> SpreadsheetTable {
    let columns =
      [
        SpreadsheetColumn("售电员", .text), SpreadsheetColumn("日期", .text), SpreadsheetColumn("售电金额", .money),
        SpreadsheetColumn("冲正金额", .money), SpreadsheetColumn("退电金额", .money),
        SpreadsheetColumn("财务收入", .money), SpreadsheetColumn("笔数", .integer),
      ] + PayMethod.allCases.map { SpreadsheetColumn($0.chineseName, .money) }
    func cells(_ figures: SalesFigures) -> [SpreadsheetCell] {
      [
        .money(figures.sales), .money(figures.reversals), .money(figures.refunds), .money(figures.net),
        .integer(Int64(figures.bills)),
      ] + PayMethod.allCases.map { .money(figures.byPay[$0] ?? .zero) }
    }
    let rows = report.rows.map { row in [.text(row.operator ?? "全部"), .text(row.period)] + cells(row.figures)
    }
    let range = "\(report.query.from) 至 \(report.query.to)"
    return SpreadsheetTable(
      title: "\(siteName) 售电报表 \(range)".trimmingCharacters(in: .whitespaces), columns: columns, rows: rows,
      totals: [.text("合计"), .empty] + cells(report.totals),
      chart: SpreadsheetChart(title: "售电金额", categoryColumn: 1, valueColumn: 2), timeZone: report.timeZone,
      sheetName: "售电报表")
  }
}

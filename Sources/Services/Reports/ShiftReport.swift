import Documents
import Domain
import Foundation
import Store

/// Sums of shift hand-overs: bills, sales, reversals, refunds, cash expected, counted and the difference.
public struct ShiftTotals: Sendable, Hashable {
  /// Number of hand-overs summed.
  public var handovers = 0
  /// Number of sale bills.
  public var bills = 0
  /// Sales.
  public var sales: Money = .zero
  /// Reversals, positive.
  public var reversals: Money = .zero
  /// Refunds, positive.
  public var refunds: Money = .zero
  /// Cash the drawers should have held.
  public var cashExpected: Money = .zero
  /// Cash counted.
  public var counted: Money = .zero
  /// Counted − expected: negative when short (短款), positive when over (长款).
  public var difference: Money = .zero

  /// Empty totals.
  public init() {}

  /// Adds one hand-over.
  public mutating func add(_ record: ShiftHandoverRecord) {
    handovers += 1
    bills += record.bills
    sales += Money(fen: record.salesFen)
    reversals += Money(fen: record.reversalsFen)
    refunds += Money(fen: record.refundsFen)
    cashExpected += Money(fen: record.cashExpectedFen)
    counted += Money(fen: record.cashCountedFen)
    difference += Money(fen: record.differenceFen)
  }
}

/// The shift report (交班记录): every hand-over closed in a range of local days, oldest first, and totals.
public struct ShiftReport: Sendable, Hashable {
  /// The first day, inclusive.
  public var from: ReportDay
  /// The last day, inclusive.
  public var to: ReportDay
  /// The cashier the report is narrowed to, nil for all.
  public var `operator`: String?
  /// The site's time zone the days were taken in.
  public var timeZone: TimeZone
  /// The hand-overs closed in the range, oldest first.
  public var handovers: [ShiftHandoverRecord]
  /// The sum of the hand-overs.
  public var totals: ShiftTotals

  /// Creates a report from its hand-overs, summing them.
  public init(
    from: ReportDay, to: ReportDay, operator name: String?, timeZone: TimeZone,
    handovers: [ShiftHandoverRecord]
  ) {
    self.from = from
    self.to = to
    self.operator = name
    self.timeZone = timeZone
    self.handovers = handovers
    var totals = ShiftTotals()
    for record in handovers { totals.add(record) }
    self.totals = totals
  }
}

/// Builds shift reports (交班记录) for the supervisor's review, in the site's time zone.
public struct ShiftReportService: Sendable {
  let database: AppDatabase

  /// Creates the service over a database.
  public init(database: AppDatabase) {
    self.database = database
  }

  /// Hand-overs closed on the local days `from` through `to`; only `filter.operator`'s when set (the
  /// meter, account, building and bus filters do not apply to a hand-over).
  public func report(from: ReportDay, to: ReportDay, filter: ReportFilter = ReportFilter()) throws
    -> ShiftReport
  {
    let service = ShiftService(database: database)
    return ShiftReport(
      from: from, to: to, operator: filter.operator, timeZone: try service.timeZone(),
      handovers: try service.handovers(from: from, to: to, operator: filter.operator))
  }

  /// The report as a spreadsheet: 收银员 · 开始 · 结束 · 笔数 · 售电金额 · 冲正金额 · 退电金额 · 应收现金 ·
  /// 实收现金 · 差额 · 长短款 · 备注, one row per hand-over, and a totals row.
  public static func table(_ report: ShiftReport, siteName: String) -> SpreadsheetTable {
    let columns = [
      SpreadsheetColumn("收银员", .text), SpreadsheetColumn("开始", .dateTime), SpreadsheetColumn("结束", .dateTime),
      SpreadsheetColumn("笔数", .integer), SpreadsheetColumn("售电金额", .money), SpreadsheetColumn("冲正金额", .money),
      SpreadsheetColumn("退电金额", .money), SpreadsheetColumn("应收现金", .money), SpreadsheetColumn("实收现金", .money),
      SpreadsheetColumn("差额", .money), SpreadsheetColumn("长短款", .text), SpreadsheetColumn("备注", .text),
    ]
    let rows = report.handovers.map { record -> [SpreadsheetCell] in
      [
        .text(record.operator), .dateTime(record.startedAt), .dateTime(record.closedAt),
        .integer(Int64(record.bills)), .money(Money(fen: record.salesFen)),
        .money(Money(fen: record.reversalsFen)),
        .money(Money(fen: record.refundsFen)), .money(Money(fen: record.cashExpectedFen)),
        .money(Money(fen: record.cashCountedFen)), .money(Money(fen: record.differenceFen)),
        .text(ShiftService.differenceLabel(record.differenceFen)), .text(record.remark),
      ]
    }
    let totals = report.totals
    let range = "\(report.from) 至 \(report.to)"
    return SpreadsheetTable(
      title: "\(siteName) 交班记录 \(range)".trimmingCharacters(in: .whitespaces), columns: columns, rows: rows,
      totals: [
        .text("合计"), .empty, .empty, .integer(Int64(totals.bills)), .money(totals.sales),
        .money(totals.reversals), .money(totals.refunds), .money(totals.cashExpected), .money(totals.counted),
        .money(totals.difference), .text(ShiftService.differenceLabel(totals.difference.fen)), .empty,
      ], timeZone: report.timeZone, sheetName: "交班记录")
  }
}

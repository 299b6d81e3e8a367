import Domain
import Foundation

/// The reports of the report centre, in the order keys 1–7 pick them.
public enum ReportChoice: String, Sendable, Hashable, CaseIterable {
  /// 售电报表.
  case sales
  /// 交班.
  case shift
  /// 能耗报表.
  case energy
  /// 日用能.
  case daily
  /// 报警.
  case alarms
  /// 失联.
  case offline
  /// 开户/销户/换表/售电记录.
  case accounts

  /// True for the reports with a real-time view (`a`).
  public var hasRealTime: Bool { self == .alarms || self == .offline }
}

/// A range of local days the operator picks with one key.
public enum ReportRangeChoice: Sendable, Hashable {
  /// Today (`t`).
  case today
  /// Yesterday (`y`).
  case yesterday
  /// Monday of this week to today (`w`).
  case thisWeek
  /// The first of this month to today (`m`).
  case thisMonth
  /// The whole of last month (`l`).
  case lastMonth
  /// Typed days (`c`), "YYYY-MM-DD" each.
  case custom(from: String, to: String)
}

/// Rows per day, month or year.
public enum ReportGroupingChoice: String, Sendable, Hashable, CaseIterable {
  /// One row per day.
  case day
  /// One row per month.
  case month
  /// One row per year.
  case year
}

/// What the report screen asks the runtime for.
public struct ReportQueryModel: Sendable, Hashable {
  /// Which report.
  public var kind: ReportChoice
  /// First local day, "YYYY-MM-DD".
  public var from: String
  /// Last local day, inclusive.
  public var to: String
  /// Rows per day, month or year (sales).
  public var by: ReportGroupingChoice
  /// One row per cashier (sales).
  public var perCashier: Bool
  /// Filters by name: building, bus, meter, account, operator.
  public var filter: [String: String]
  /// The real-time view (alarms, offline).
  public var active: Bool
  /// Energy rows per meter or summed per group.
  public var energyGroup: EnergyGroupChoice = .meter

  /// Creates a query.
  public init(
    kind: ReportChoice, from: String, to: String, by: ReportGroupingChoice = .day, perCashier: Bool = true,
    filter: [String: String] = [:], active: Bool = false
  ) {
    self.kind = kind
    self.from = from
    self.to = to
    self.by = by
    self.perCashier = perCashier
    self.filter = filter
    self.active = active
  }
}

/// One bar of a report's chart: the category, its value in hundredths (fen or 0.01 kWh) and its text.
public struct ReportBar: Sendable, Hashable {
  /// The category ("2026-11-30").
  public var label: String
  /// The value in hundredths.
  public var hundredths: Int64
  /// The value as shown beside the bar ("1,234.50").
  public var text: String

  /// Creates a bar.
  public init(label: String, hundredths: Int64, text: String) {
    self.label = label
    self.hundredths = hundredths
    self.text = text
  }
}

/// A report as the screen shows it: shown cells, their alignment, a totals row and a chart.
public struct ReportTableModel: Sendable, Hashable {
  /// The title with the site's name and range.
  public var title: String
  /// Column headers.
  public var headers: [String]
  /// True for the columns aligned right (amounts, energy, counts).
  public var numeric: [Bool]
  /// Each column's width in display cells.
  public var widths: [Int]
  /// The rows' cells, as shown.
  public var rows: [[String]]
  /// The totals row, when the report has one.
  public var totals: [String]?
  /// The chart's title and bars, when the report has one.
  public var chartTitle: String?
  /// The chart's bars, one per category (rows of one category summed).
  public var bars: [ReportBar]

  /// Creates a table.
  public init(
    title: String, headers: [String], numeric: [Bool], widths: [Int], rows: [[String]], totals: [String]?,
    chartTitle: String?, bars: [ReportBar]
  ) {
    self.title = title
    self.headers = headers
    self.numeric = numeric
    self.widths = widths
    self.rows = rows
    self.totals = totals
    self.chartTitle = chartTitle
    self.bars = bars
  }
}

/// How the energy report sums its rows.
public enum EnergyGroupChoice: String, Sendable, Hashable, CaseIterable {
  /// One row per meter.
  case meter
  /// Summed per circuit.
  case circuit
  /// Summed per shop.
  case shop
  /// Summed per building.
  case building
  /// Summed per bus.
  case bus
}

/// Export file formats.
public enum ReportExportFormat: String, Sendable, Hashable {
  /// Excel .xlsx.
  case xlsx
  /// CSV, UTF-8 with a byte-order mark.
  case csv
}

/// A cashier's open shift as the hand-over dialog shows it.
public struct ShiftPreviewModel: Sendable, Hashable {
  /// When the shift began.
  public var startedAt: Date?
  /// Sale bills in the shift.
  public var bills: Int
  /// Sales.
  public var sales: Money
  /// Reversals, positive.
  public var reversals: Money
  /// Refunds, positive.
  public var refunds: Money
  /// Sales per payment method.
  public var byPay: [PayMethod: Money]
  /// The cash the drawer should hold.
  public var cashExpected: Money

  /// Creates a preview.
  public init(
    startedAt: Date?, bills: Int, sales: Money, reversals: Money, refunds: Money, byPay: [PayMethod: Money],
    cashExpected: Money
  ) {
    self.startedAt = startedAt
    self.bills = bills
    self.sales = sales
    self.reversals = reversals
    self.refunds = refunds
    self.byPay = byPay
    self.cashExpected = cashExpected
  }
}

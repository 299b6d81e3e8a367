import Domain
import Foundation
import TerminalUI

/// The report centre (报表中心): which report over which days, its table and chart, and the dialogs.
public struct ReportsState: Sendable, Hashable {
  /// What is asked (and shown once loaded).
  public internal(set) var query: ReportQueryModel
  /// The range key last used.
  public internal(set) var range: ReportRangeChoice
  /// The report for `query`, nil while loading.
  public internal(set) var table: ReportTableModel?
  /// True while a report is being run.
  public internal(set) var loading: Bool
  /// The selected row and scroll position.
  public internal(set) var rows: TableState
  /// True when the chart is drawn beside the table.
  public internal(set) var showChart: Bool
  /// True to draw bars with ASCII (for terminals that draw block characters double-width).
  public internal(set) var asciiChart: Bool
  /// The step the screen is at.
  public internal(set) var phase: ReportsPhase
  /// The custom range's first day.
  public internal(set) var fromField: FormField
  /// The custom range's last day.
  public internal(set) var toField: FormField
  /// The filter line.
  public internal(set) var filterField: FormField
  /// The open shift for the hand-over dialog, nil while loading.
  public internal(set) var shift: ShiftPreviewModel?
  /// The cash counted.
  public internal(set) var countedField: FormField
  /// The hand-over remark.
  public internal(set) var remarkField: FormField
  /// What happened last.
  public internal(set) var notice: ReportsNotice?
  /// The operator's role (export and hand-over need permissions).
  public internal(set) var role: Role?
  /// Today in the site's time zone when the screen opened ("YYYY-MM-DD").
  public internal(set) var today: String
  /// The screen's area.
  public internal(set) var size: Size
  /// The operator's language, for the messages the screen composes.
  public internal(set) var language: Language

  /// The site's clock, for times shown.
  public internal(set) var clock: SiteClock

  /// The screen for an operator of `role` at `now` on the site's `clock`: today's sales per cashier by day.
  public init(
    role: Role?, now: Date, clock: SiteClock, size: Size, language: Language, asciiChart: Bool = false
  ) {
    let today = ReportRanges.today(now, utcOffsetSeconds: clock.utcOffsetSeconds)
    self.clock = clock
    query = ReportQueryModel(kind: .sales, from: today, to: today)
    range = .today
    table = nil
    loading = true
    rows = TableState()
    showChart = true
    self.asciiChart = asciiChart
    phase = .table
    fromField = FormField(label: "")
    fromField.maxLength = 10
    toField = FormField(label: "")
    toField.maxLength = 10
    filterField = FormField(label: "")
    filterField.maxLength = 80
    shift = nil
    countedField = FormField(label: "")
    countedField.maxLength = 14
    remarkField = FormField(label: "")
    remarkField.maxLength = 40
    notice = nil
    self.role = role
    self.today = today
    self.size = size
    self.language = language
  }

  /// True when the operator may export and print reports.
  public var canExport: Bool { role?.allows(.exportReports) ?? false }

  /// True when the operator takes money at the desk and so hands over shifts.
  public var canHandOver: Bool { role?.allows(.sell) ?? false }

  /// True when a dialog takes typed characters.
  public var acceptsText: Bool { phase != .table }

  /// True when Esc closes a dialog instead of leaving the screen.
  public var capturesEscape: Bool { phase != .table }

  /// True when the loaded report has a chart with bars.
  public var hasChart: Bool { !(table?.bars.isEmpty ?? true) }

  /// Where the table sits: below the two header lines, above the totals, notice and hint lines; the
  /// chart takes the right part when shown and the screen is wide enough.
  var tableRect: Rect {
    let height = max(0, size.height - Self.headerRows - Self.footerRows)
    return Rect(x: 0, y: Self.headerRows, width: size.width - chartWidth, height: height)
  }

  /// The chart's width: a third of the screen (at least 30 cells) when shown and the screen has room.
  var chartWidth: Int {
    guard showChart, hasChart, size.width >= 90 else { return 0 }
    return max(30, size.width / 3)
  }

  /// Table rows that fit.
  var visibleRows: Int { max(1, Table.visibleRows(in: tableRect)) }

  /// Lines above the table: the report tabs and the range / filter line.
  static let headerRows = 2
  /// Lines below the table: totals, notice and key hints (two).
  static let footerRows = 4
}

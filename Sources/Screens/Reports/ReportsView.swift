import Domain
import Foundation
import TerminalUI

extension ReportsScreen {
  /// Renders the report tabs, the range and filter line, the table with its totals, the chart beside it,
  /// the notice line, the key hints and any dialog.
  public static func view(_ state: ReportsState, size: Size, language: Language) -> Buffer {
    let strings = Strings(language)
    var buffer = Buffer(size: size)
    guard size.width > 10, size.height > ReportsState.headerRows + ReportsState.footerRows else {
      return buffer
    }
    drawTabs(state, into: &buffer, strings: strings)
    drawRangeLine(state, into: &buffer, strings: strings)
    let rect = state.tableRect
    if let table = state.table, !table.rows.isEmpty {
      drawTable(table, state: state, rect: rect, into: &buffer)
      if state.chartWidth > 0 { drawChart(table, state: state, into: &buffer, strings: strings) }
    } else {
      let text =
        state.loading ? strings[ReportText.loading] : state.table == nil ? "" : strings[ReportText.empty]
      buffer.write(
        text, in: Rect(x: 0, y: min(size.height - 1, rect.y + 2), width: size.width, height: 1), role: .dim,
        alignment: .center)
    }
    drawFooter(state, into: &buffer, strings: strings)
    switch state.phase {
    case .customRange(let onTo): drawCustomRange(state, onTo: onTo, into: &buffer, strings: strings)
    case .filter: drawFilter(state, into: &buffer, strings: strings)
    case .shift(let onRemark): drawShift(state, onRemark: onRemark, into: &buffer, strings: strings)
    case .closingShift: drawShift(state, onRemark: false, into: &buffer, strings: strings)
    case .table: break
    }
    return buffer
  }

  /// The name of a report.
  static func name(_ kind: ReportChoice, _ strings: Strings) -> String {
    switch kind {
    case .sales: strings[ReportText.kindSales]
    case .shift: strings[ReportText.kindShift]
    case .energy: strings[ReportText.kindEnergy]
    case .daily: strings[ReportText.kindDaily]
    case .alarms: strings[ReportText.kindAlarms]
    case .offline: strings[ReportText.kindOffline]
    case .accounts: strings[ReportText.kindAccounts]
    }
  }

  private static func drawTabs(_ state: ReportsState, into buffer: inout Buffer, strings: Strings) {
    buffer.fill(Rect(x: 0, y: 0, width: buffer.size.width, height: 1), role: .header)
    var x = 1
    for (index, kind) in ReportChoice.allCases.enumerated() {
      let text = " \(index + 1) \(name(kind, strings)) "
      let chosen = kind == state.query.kind
      buffer.write(text, x: x, y: 0, role: chosen ? .selected : .header, bold: chosen)
      x += Format.cells(text) + 1
    }
    var modes: [String] = []
    if state.query.kind == .sales {
      let by: ReportText =
        switch state.query.by {
        case .day: .byDay
        case .month: .byMonth
        case .year: .byYear
        }
      modes = [strings[by], strings[state.query.perCashier ? ReportText.perCashier : .allCashiers]]
    } else if state.query.kind == .energy {
      let group: ReportText =
        switch state.query.energyGroup {
        case .meter: .perMeter
        case .circuit: .perCircuit
        case .shop: .perShop
        case .building: .perBuilding
        case .bus: .perBus
        }
      modes = [strings[group]]
    } else if state.query.kind.hasRealTime {
      modes = [strings[state.query.active ? ReportText.realTime : .history]]
    }
    let right = modes.joined(separator: " · ") + " "
    let width = Format.cells(right)
    if x + width < buffer.size.width {
      buffer.write(right, x: buffer.size.width - width, y: 0, role: .header)
    }
  }

  private static func rangeName(_ range: ReportRangeChoice, _ strings: Strings) -> String {
    switch range {
    case .today: strings[ReportText.rangeToday]
    case .yesterday: strings[ReportText.rangeYesterday]
    case .thisWeek: strings[ReportText.rangeWeek]
    case .thisMonth: strings[ReportText.rangeMonth]
    case .lastMonth: strings[ReportText.rangeLastMonth]
    case .custom: strings[ReportText.rangeCustom]
    }
  }

  private static func drawRangeLine(_ state: ReportsState, into buffer: inout Buffer, strings: Strings) {
    let filter = filterText(state.query.filter)
    var text =
      " "
      + strings.format(
        ReportText.rangeLine, rangeName(state.range, strings), state.query.from, state.query.to,
        strings.format(ReportText.filterLine, filter.isEmpty ? strings[ReportText.noFilter] : filter))
    if let table = state.table { text += " · " + strings.format(ReportText.rows, "\(table.rows.count)") }
    buffer.write(text, x: 0, y: 1, role: .normal, maxWidth: buffer.size.width)
  }

  /// The table's columns: the model's widths, capped so that one wide column cannot push out the rest.
  static func columns(_ table: ReportTableModel, width: Int) -> [TableColumn] {
    var columns: [TableColumn] = []
    var used = 0
    for (index, header) in table.headers.enumerated() {
      let cells = min(max(table.widths.indices.contains(index) ? table.widths[index] : 8, 4), 28)
      guard used + cells <= width || columns.isEmpty else { break }
      columns.append(
        TableColumn(title: header, width: cells, alignment: table.numeric[index] ? .right : .left))
      used += cells + 1
    }
    return columns
  }

  private static func drawTable(
    _ table: ReportTableModel, state: ReportsState, rect: Rect, into buffer: inout Buffer
  ) {
    let columns = columns(table, width: rect.width)
    let rows = table.rows
    Table(columns: columns, rowCount: rows.count, showsMarkers: false) { index in
      TableRow(cells: Array(rows[index].prefix(columns.count)))
    }
    .render(into: &buffer, rect: rect, state: state.rows, focused: state.phase == .table)
  }

  private static func drawChart(
    _ table: ReportTableModel, state: ReportsState, into buffer: inout Buffer, strings: Strings
  ) {
    let width = state.chartWidth
    let area = Rect(
      x: buffer.size.width - width, y: ReportsState.headerRows, width: width, height: state.tableRect.height)
    guard area.height >= 3 else { return }
    let title = strings.format(ReportText.chartTitle, table.chartTitle ?? "")
    buffer.write(title, x: area.x + 1, y: area.y, role: .legend, maxWidth: width - 2, bold: true)
    let bars = table.bars.suffix(area.height - 1)
    let texts = Dictionary(
      table.bars.map { ($0.hundredths, $0.text) }, uniquingKeysWith: { first, _ in first })
    BarChart(
      bars: bars.map { (label: $0.label, value: $0.hundredths) }, valueText: { texts[$0] ?? String($0) },
      ascii: state.asciiChart
    )
    .render(
      into: &buffer, rect: Rect(x: area.x + 1, y: area.y + 1, width: width - 1, height: area.height - 1))
  }

  private static func drawFooter(_ state: ReportsState, into buffer: inout Buffer, strings: Strings) {
    let height = buffer.size.height
    let width = buffer.size.width
    if let table = state.table, let totals = table.totals, !table.rows.isEmpty {
      let columns = columns(table, width: state.tableRect.width)
      var x = 0
      buffer.fill(Rect(x: 0, y: height - 4, width: width, height: 1), role: .header)
      for (index, column) in columns.enumerated() where index < totals.count {
        buffer.write(
          totals[index], in: Rect(x: x, y: height - 4, width: column.width, height: 1), role: .header,
          alignment: column.alignment, bold: true)
        x += column.width + 1
      }
    }
    if case .exporting(_, let done, let total)? = state.notice,
      let (text, _) = noticeLine(state, strings: strings)
    {
      ProgressBar(fraction: Double(done) / Double(max(1, total)), label: text).render(
        into: &buffer, rect: Rect(x: 1, y: height - 3, width: min(width - 2, 80), height: 1))
    } else if let (text, role) = noticeLine(state, strings: strings) {
      buffer.write(text, x: 1, y: height - 3, role: role, maxWidth: width - 2)
    }
    buffer.write(" " + strings[ReportText.hintKeys], x: 0, y: height - 2, role: .dim, maxWidth: width)
    var second: [String] = []
    if state.canExport { second.append(strings[ReportText.hintExport]) }
    if state.canHandOver { second.append(strings[ReportText.hintShift]) }
    second.append("F5 ↻ · Esc")
    buffer.write(" " + second.joined(separator: " · "), x: 0, y: height - 1, role: .dim, maxWidth: width)
  }

  private static func noticeLine(_ state: ReportsState, strings: Strings) -> (String, StyleRole)? {
    switch state.notice {
    case .exporting(let format, let done, let total)?:
      let label = strings.format(ReportText.exporting, format.rawValue) + " \(done)/\(total)"
      return (label, .info)
    case .exported(let path)?: return (strings.format(ReportText.exported, path), .success)
    case .printing(let queue)?: return (strings.format(ReportText.printing, queue), .info)
    case .printed(let queue)?: return (strings.format(ReportText.printed, queue), .success)
    case .problem(let text)?: return (text, .error)
    case .shiftClosed(let expected, let counted)?:
      return (shiftOutcome(expected: expected, counted: counted, strings: strings), .success)
    case nil: return nil
    }
  }

  /// "已交班：应有 1,200.00，实点 1,190.00，短款 10.00".
  static func shiftOutcome(expected: Money, counted: Money, strings: Strings) -> String {
    let difference = counted - expected
    let verdict =
      difference.fen < 0
      ? strings.format(ReportText.shiftShort, Money(fen: -difference.fen).grouped)
      : difference.fen > 0
        ? strings.format(ReportText.shiftOver, difference.grouped) : strings[ReportText.shiftEven]
    return strings.format(ReportText.shiftClosed, expected.grouped, counted.grouped, verdict)
  }
}

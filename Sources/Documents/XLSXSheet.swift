import CXlsxWriter
import Foundation

/// Writes one `SpreadsheetTable` into a libxlsxwriter worksheet: title, header, rows, totals, chart.
struct XLSXSheet {
  /// The workbook, for adding the chart.
  let workbook: UnsafeMutablePointer<lxw_workbook>
  /// The worksheet being filled.
  let sheet: UnsafeMutablePointer<lxw_worksheet>
  /// The worksheet's name as libxlsxwriter has it (chart ranges refer to it).
  let sheetName: String
  /// The cell formats.
  let formats: XLSXFormats
  /// The table.
  let table: SpreadsheetTable
  /// Hears (rows written, rows in all) as rows are written.
  let progress: (@Sendable (Int, Int) -> Void)?

  /// The title's row.
  static let titleRow: lxw_row_t = 0
  /// The header's row; panes are frozen below it.
  static let headerRow: lxw_row_t = 1
  /// The first data row.
  static let firstDataRow: lxw_row_t = 2
  /// Column width bounds in Excel character units.
  static let widthRange = 6...60

  /// Adds a worksheet for `table` to `workbook` and writes it.
  static func write(
    _ table: SpreadsheetTable, into workbook: UnsafeMutablePointer<lxw_workbook>,
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) throws(XLSXFailure) {
    let name = Self.sheetName(table.sheetName)
    guard let sheet = workbook_add_worksheet(workbook, name) else {
      throw XLSXFailure(message: "workbook_add_worksheet(\"\(name)\") failed")
    }
    let formats = try XLSXFormats(workbook: workbook)
    try XLSXSheet(
      workbook: workbook, sheet: sheet, sheetName: name, formats: formats, table: table, progress: progress
    ).fill()
  }

  /// A name Excel accepts: without `[]:*?/\`, no surrounding apostrophes, at most 31 characters.
  static func sheetName(_ wanted: String) -> String {
    let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
    var name = String(wanted.filter { !forbidden.contains($0) && !$0.isNewline })
    while name.hasPrefix("'") { name.removeFirst() }
    while name.hasSuffix("'") { name.removeLast() }
    name = String(name.prefix(31))
    return name.trimmingCharacters(in: .whitespaces).isEmpty ? "Sheet1" : name
  }

  /// Writes everything in order.
  private func fill() throws(XLSXFailure) {
    try XLSXFailure.check(
      worksheet_write_string(sheet, Self.titleRow, 0, table.title, formats.title), "worksheet_write_string")
    for (index, column) in table.columns.enumerated() {
      let col = try Self.column(index)
      try XLSXFailure.check(
        worksheet_write_string(sheet, Self.headerRow, col, column.header, formats.header),
        "worksheet_write_string")
    }
    var row = Self.firstDataRow
    for (index, cells) in table.rows.enumerated() {
      try write(cells, row: row, bold: false)
      row += 1
      if (index + 1) % XLSXWriter.progressStep == 0 { progress?(index + 1, table.rows.count) }
    }
    progress?(table.rows.count, table.rows.count)
    if let totals = table.totals { try write(totals, row: row, bold: true) }
    worksheet_freeze_panes(sheet, Self.firstDataRow, 0)
    for (index, cells) in table.columnCells().enumerated() {
      let width = Double(min(max(cells + 2, Self.widthRange.lowerBound), Self.widthRange.upperBound))
      try XLSXFailure.check(
        worksheet_set_column(sheet, try Self.column(index), try Self.column(index), width, nil),
        "worksheet_set_column")
    }
    if let chart = table.chart, !table.rows.isEmpty { try insert(chart) }
  }

  /// Writes one row of cells.
  private func write(_ cells: [SpreadsheetCell], row: lxw_row_t, bold: Bool) throws(XLSXFailure) {
    for (index, cell) in cells.enumerated() {
      let col = try Self.column(index)
      try write(cell, row: row, column: col, format: formats.cell(cell.kind ?? .text, bold: bold))
    }
  }

  /// Writes one cell as a string, a number or a date-time.
  ///
  /// Money and energy become `Double` only here: Excel stores every number as a double.
  private func write(
    _ cell: SpreadsheetCell, row: lxw_row_t, column: lxw_col_t, format: UnsafeMutablePointer<lxw_format>?
  ) throws(XLSXFailure) {
    switch cell {
    case .text(let text):
      try XLSXFailure.check(
        worksheet_write_string(sheet, row, column, text, format), "worksheet_write_string")
    case .integer(let value):
      try number(Double(value), row: row, column: column, format: format)
    case .money(let money):
      try number(Double(money.fen) / 100, row: row, column: column, format: format)
    case .energy(let energy):
      try number(Double(energy.centiKWh) / 100, row: row, column: column, format: format)
    case .percent(let basisPoints):
      try number(Double(basisPoints) / 10_000, row: row, column: column, format: format)
    case .dateTime(let date):
      var excel = try Self.excelDateTime(date, in: table.timeZone)
      try XLSXFailure.check(
        worksheet_write_datetime(sheet, row, column, &excel, format), "worksheet_write_datetime")
    case .empty:
      if format != nil {
        try XLSXFailure.check(worksheet_write_blank(sheet, row, column, format), "worksheet_write_blank")
      }
    }
  }

  /// Writes a number.
  private func number(
    _ value: Double, row: lxw_row_t, column: lxw_col_t, format: UnsafeMutablePointer<lxw_format>?
  ) throws(XLSXFailure) {
    try XLSXFailure.check(worksheet_write_number(sheet, row, column, value, format), "worksheet_write_number")
  }

  /// Inserts a bar or column chart of the data rows to the right of the table, at the header row.
  private func insert(_ spec: SpreadsheetChart) throws(XLSXFailure) {
    let type = spec.direction == .bar ? LXW_CHART_BAR : LXW_CHART_COLUMN
    guard let chart = workbook_add_chart(workbook, UInt8(type.rawValue)) else {
      throw XLSXFailure(message: "workbook_add_chart failed")
    }
    guard let series = chart_add_series(chart, nil, nil) else {
      throw XLSXFailure(message: "chart_add_series failed")
    }
    let first = Self.firstDataRow
    guard let last = lxw_row_t(exactly: table.rows.count - 1).map({ first + $0 }) else {
      throw XLSXFailure(message: "too many rows for a chart")
    }
    let category = try Self.column(spec.categoryColumn)
    let value = try Self.column(spec.valueColumn)
    chart_series_set_categories(series, sheetName, first, category, last, category)
    chart_series_set_values(series, sheetName, first, value, last, value)
    chart_series_set_name(series, table.columns[spec.valueColumn].header)
    if !spec.title.isEmpty { chart_title_set_name(chart, spec.title) }
    chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
    let beside = try Self.column(table.columns.count + 1)
    try XLSXFailure.check(
      worksheet_insert_chart(sheet, Self.headerRow, beside, chart), "worksheet_insert_chart")
  }

  /// A column index as libxlsxwriter's type, or a failure past Excel's limit.
  private static func column(_ index: Int) throws(XLSXFailure) -> lxw_col_t {
    guard let column = lxw_col_t(exactly: index) else {
      throw XLSXFailure(message: "column \(index + 1) is beyond Excel's columns")
    }
    return column
  }

  /// The wall-clock fields of `date` in `zone`, whole seconds, as libxlsxwriter's date-time.
  static func excelDateTime(_ date: Date, in zone: TimeZone) throws(XLSXFailure) -> lxw_datetime {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    guard let year = parts.year, (1900...9999).contains(year), let month = parts.month, let day = parts.day,
      let hour = parts.hour, let minute = parts.minute, let second = parts.second
    else {
      throw XLSXFailure(message: "\(date) is outside Excel's dates (1900-9999)")
    }
    return lxw_datetime(
      year: Int32(year), month: Int32(month), day: Int32(day), hour: Int32(hour), min: Int32(minute),
      sec: Double(second))
  }
}

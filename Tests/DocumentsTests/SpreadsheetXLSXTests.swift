import CXlsxWriter
import Domain
import Foundation
import TestSupport
import Testing

@testable import Documents

/// XLSXWriter's files read back with openpyxl (Tests/Peers/spreadsheet_reader.py).
@Suite struct SpreadsheetXLSXTests {
  /// One cell as the reader reports it.
  struct ReadCell {
    var type: String
    var value: Any?
    var format: String
    var bold: Bool

    init(_ json: Any) {
      let object = json as? [String: Any] ?? [:]
      type = object["type"] as? String ?? "?"
      value = object["value"]
      format = object["format"] as? String ?? "?"
      bold = object["bold"] as? Bool ?? false
    }

    var text: String? { value as? String }
    var number: Double? { value as? Double }
  }

  /// Every cell of `row` matches the table's `expected` cells in type, value and number format.
  func expectRow(_ row: [ReadCell], _ expected: [SpreadsheetCell], bold: Bool, zone: TimeZone) {
    #expect(row.count >= expected.count)
    for (index, (cell, want)) in zip(row, expected).enumerated() {
      let place = "column \(index + 1)"
      switch want {
      case .text(let text):
        #expect(cell.type == "s" && cell.text == text, "\(place): \(cell)")
      case .integer(let value):
        #expect(cell.type == "n" && cell.number == Double(value), "\(place): \(cell)")
      case .money(let money):
        #expect(cell.type == "n" && cell.number.map { Int64(($0 * 100).rounded()) } == money.fen, "\(place)")
        #expect(cell.format == "#,##0.00", "\(place): money format \(cell.format)")
      case .energy(let energy):
        #expect(
          cell.type == "n" && cell.number.map { Int64(($0 * 100).rounded()) } == energy.centiKWh, "\(place)")
        #expect(cell.format == "#,##0.00", "\(place): energy format \(cell.format)")
      case .percent(let basisPoints):
        #expect(
          cell.type == "n" && cell.number.map { Int64(($0 * 10_000).rounded()) } == basisPoints, "\(place)")
        #expect(cell.format == "0.00%", "\(place): percent format \(cell.format)")
      case .dateTime(let date):
        #expect(cell.type == "d", "\(place): not a date: \(cell)")
        #expect(cell.text == SpreadsheetFixtures.localText(date, zone), "\(place): \(cell)")
        #expect(cell.format == "yyyy-mm-dd hh:mm:ss", "\(place): date format \(cell.format)")
      case .empty:
        #expect(cell.type == "empty", "\(place): \(cell)")
      }
      if want != .empty { #expect(cell.bold == bold, "\(place): bold \(cell.bold)") }
    }
  }

  @Test func everyCellTitleHeaderTotalsAndFrozenPaneReadBack() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("抄表导出.xlsx")
    let table = SpreadsheetFixtures.table()
    try XLSXWriter.write(table, to: path)
    let json = try SpreadsheetFixtures.read("xlsx", path)
    let rows = (json["rows"] as? [[Any]] ?? []).map { $0.map(ReadCell.init) }
    try #require(rows.count == 2 + table.rows.count + 1, "rows: \(rows.count)")

    #expect(json["sheets"] as? [String] == ["抄表导出"])
    #expect(json["freeze_panes"] as? String == "A3")
    #expect(rows[0][0].text == table.title && rows[0][0].bold)
    #expect(rows[1].map(\.text) == table.columns.map(\.header))
    #expect(rows[1].allSatisfy { $0.bold })
    for (index, expected) in table.rows.enumerated() {
      expectRow(rows[2 + index], expected, bold: false, zone: table.timeZone)
    }
    expectRow(rows[2 + table.rows.count], try #require(table.totals), bold: true, zone: table.timeZone)
    #expect((json["charts"] as? [Any])?.isEmpty == true)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["抄表导出.xlsx"])

    // Widths follow display cells: the 12-character Chinese tenant column is the widest.
    let widths = json["widths"] as? [String: Double] ?? [:]
    let tenant = try #require(widths["B"])
    let meter = try #require(widths["A"])
    #expect(tenant >= 24 && tenant > meter, "widths \(widths)")
  }

  @Test(arguments: [SpreadsheetChart.Direction.column, .bar])
  func chartIsANativeBarChartOfTheDataRows(direction: SpreadsheetChart.Direction) throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("chart.xlsx")
    let spec = SpreadsheetChart(title: "各户金额", categoryColumn: 0, valueColumn: 4, direction: direction)
    try XLSXWriter.write(SpreadsheetFixtures.table(chart: spec), to: path)
    let json = try SpreadsheetFixtures.read("xlsx", path)
    let charts = json["charts"] as? [[String: Any]] ?? []
    try #require(charts.count == 1, "charts: \(charts)")
    let chart = charts[0]
    #expect(chart["tag"] as? String == "barChart")
    #expect(chart["bar_dir"] as? String == (direction == .bar ? "bar" : "col"))
    #expect(chart["title"] as? String == "各户金额")
    #expect(chart["series"] as? Int == 1)
    #expect((chart["categories"] as? String)?.hasSuffix("!$A$3:$A$5") == true, "\(chart)")
    #expect((chart["values"] as? String)?.hasSuffix("!$E$3:$E$5") == true, "\(chart)")
    #expect((chart["values"] as? String)?.contains("抄表导出") == true, "\(chart)")
    #expect(chart["anchor_col"] as? Int == 8 && chart["anchor_row"] as? Int == 1, "\(chart)")
  }

  @Test func invalidTableIsRefusedNamingThePath() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("bad.xlsx")
    var table = SpreadsheetFixtures.table()
    table.rows[1][4] = .text("56.78")
    let error = try #require(throws: SpreadsheetError.self) { try XLSXWriter.write(table, to: path) }
    #expect(error.path == path)
    #expect(error.description.contains("row 2") && error.description.contains("金额(元)"), "\(error)")
    #expect(!FileManager.default.fileExists(atPath: path))

    table = SpreadsheetFixtures.table(chart: SpreadsheetChart(title: "", categoryColumn: 0, valueColumn: 1))
    #expect(throws: SpreadsheetError.self) { try XLSXWriter.write(table, to: path) }
  }

  @Test func unwritablePathIsNamedWithTheSystemError() throws {
    let path = "/nonexistent-meterdesk-dir/out.xlsx"
    let error = try #require(throws: SpreadsheetError.self) {
      try XLSXWriter.write(SpreadsheetFixtures.table(), to: path)
    }
    #expect(error.path == path)
    #expect(
      error.description.contains(path) && error.description.contains("No such file or directory"), "\(error)")
  }

  @Test func dateBeforeExcelsEpochFailsAndLeavesNoFile() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("old.xlsx")
    var table = SpreadsheetFixtures.table()
    table.rows[0][2] = .dateTime(Date(timeIntervalSince1970: -3_000_000_000))
    let error = try #require(throws: SpreadsheetError.self) { try XLSXWriter.write(table, to: path) }
    #expect(error.path == path && error.message.contains("1900-9999"), "\(error)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
  }

  @Test func emptyTableWithChartWritesHeaderOnly() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("empty.xlsx")
    var table = SpreadsheetFixtures.table(
      chart: SpreadsheetChart(title: "x", categoryColumn: 0, valueColumn: 3))
    table.rows = []
    table.totals = nil
    try XLSXWriter.write(table, to: path)
    let json = try SpreadsheetFixtures.read("xlsx", path)
    #expect((json["rows"] as? [Any])?.count == 2)
    #expect((json["charts"] as? [Any])?.isEmpty == true)
  }
}

/// libxlsxwriter's own error strings reach `SpreadsheetError`.
@Suite struct SpreadsheetLibraryErrorTests {
  @Test func failureCarriesLibxlsxwritersErrorString() {
    #expect(throws: Never.self) { try XLSXFailure.check(LXW_NO_ERROR, "worksheet_write_string") }
    let error = #expect(throws: XLSXFailure.self) {
      try XLSXFailure.check(LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED, "worksheet_write_string")
    }
    let expected =
      "worksheet_write_string: " + String(cString: lxw_strerror(LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED))
    #expect(error?.message == expected)
  }

  @Test func overlongTextIsRefusedBeforeLibxlsxwriter() throws {
    var table = SpreadsheetFixtures.table()
    table.rows[0][1] = .text(String(repeating: "电", count: 32_768))
    let error = try #require(throws: SpreadsheetError.self) {
      try XLSXWriter.write(table, to: "/tmp/never.xlsx")
    }
    #expect(error.message.contains("row 1") && error.message.contains("32767"), "\(error)")
  }
}

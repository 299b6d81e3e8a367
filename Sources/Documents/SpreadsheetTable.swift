import Domain
import Foundation

/// A titled table of typed cells, written to .xlsx by `XLSXWriter` and to .csv by `CSVWriter`.
///
/// Every data row has one cell per column, of the column's kind or `.empty`; the optional
/// totals row may also hold `.text` in any column (a label such as "合计"). `validate()`
/// checks this; both writers call it first.
public struct SpreadsheetTable: Sendable, Hashable {
  /// The first line of the sheet, e.g. "星河国际广场 抄表导出 2025-03"; not written to CSV.
  public var title: String
  /// The worksheet's name; characters Excel refuses are dropped and it is cut to 31 characters.
  public var sheetName: String
  /// The columns, left to right.
  public var columns: [SpreadsheetColumn]
  /// The data rows, top to bottom.
  public var rows: [[SpreadsheetCell]]
  /// A bold row written after the data rows, when present.
  public var totals: [SpreadsheetCell]?
  /// A native bar or column chart beside the table (xlsx only), when present.
  public var chart: SpreadsheetChart?
  /// The zone in which `.dateTime` cells are shown (Excel dates carry no zone).
  public var timeZone: TimeZone

  /// Creates a table; `sheetName` defaults to "Sheet1".
  public init(
    title: String, columns: [SpreadsheetColumn], rows: [[SpreadsheetCell]],
    totals: [SpreadsheetCell]? = nil, chart: SpreadsheetChart? = nil, timeZone: TimeZone,
    sheetName: String = "Sheet1"
  ) {
    self.title = title
    self.sheetName = sheetName
    self.columns = columns
    self.rows = rows
    self.totals = totals
    self.chart = chart
    self.timeZone = timeZone
  }
}

/// One column of a `SpreadsheetTable`: its header text and the kind of its cells.
public struct SpreadsheetColumn: Sendable, Hashable {
  /// The header, usually Chinese ("表号", "金额(元)").
  public var header: String
  /// What its cells hold and how they are formatted.
  public var kind: SpreadsheetColumnKind

  /// Creates a column.
  public init(_ header: String, _ kind: SpreadsheetColumnKind) {
    self.header = header
    self.kind = kind
  }
}

/// What a column holds, which decides the cell's Excel type and number format.
public enum SpreadsheetColumnKind: Sendable, Hashable, CaseIterable {
  /// Text, written as an Excel string (never interpreted as a number or formula).
  case text
  /// A whole number, written as an Excel number with no decimals.
  case integer
  /// Yuan from `Money` fen, written as an Excel number with the format `#,##0.00`.
  case money
  /// kWh from `Energy` (0.01 kWh), written as an Excel number with the format `#,##0.00`.
  case energy
  /// A point in time, written as an Excel date-time `yyyy-mm-dd hh:mm:ss` in the table's zone.
  case dateTime
  /// A percentage in basis points (0.01 %), written as an Excel number with the format `0.00%`.
  case percent
}

/// One cell of a `SpreadsheetTable`.
public enum SpreadsheetCell: Sendable, Hashable {
  /// Text.
  case text(String)
  /// A whole number; Excel keeps 15 significant digits, exact up to 2^53.
  case integer(Int64)
  /// An amount of money, exact in fen until the writer converts it.
  case money(Money)
  /// An amount of energy in 0.01 kWh.
  case energy(Energy)
  /// A point in time, shown in the table's time zone.
  case dateTime(Date)
  /// A percentage in basis points: 1234 is 12.34 %.
  case percent(basisPoints: Int64)
  /// Nothing.
  case empty

  /// The column kind this cell belongs in; nil for `.empty`, which fits any column.
  public var kind: SpreadsheetColumnKind? {
    switch self {
    case .text: .text
    case .integer: .integer
    case .money: .money
    case .energy: .energy
    case .dateTime: .dateTime
    case .percent: .percent
    case .empty: nil
    }
  }
}

/// A native Excel chart of one numeric column against a category column, placed beside the table.
public struct SpreadsheetChart: Sendable, Hashable {
  /// Vertical bars (Excel "column") or horizontal bars (Excel "bar").
  public enum Direction: Sendable, Hashable {
    /// Vertical bars, categories along the bottom.
    case column
    /// Horizontal bars, categories down the side; easier to read for long Chinese names.
    case bar
  }

  /// The chart's title.
  public var title: String
  /// Index of the column whose cells label the bars.
  public var categoryColumn: Int
  /// Index of the numeric column (integer, money, energy or percent) the bars show.
  public var valueColumn: Int
  /// Which way the bars run.
  public var direction: Direction

  /// Creates a chart of `valueColumn` by `categoryColumn` over the data rows (not the totals).
  public init(title: String, categoryColumn: Int, valueColumn: Int, direction: Direction = .column) {
    self.title = title
    self.categoryColumn = categoryColumn
    self.valueColumn = valueColumn
    self.direction = direction
  }
}

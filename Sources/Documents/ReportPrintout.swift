import Foundation
import TextWidth

extension SpreadsheetTable {
  /// The table as fixed-width text lines for paper or a terminal: the title, the header, a rule, the rows,
  /// a rule and the totals; text columns left-aligned, numbers right-aligned as Excel shows them
  /// ("1,234.50"), CJK counted as two cells. Columns are separated by two spaces.
  public func printout() -> [String] {
    let widths = columnCells()
    func line(_ cells: [String], numeric: [Bool]) -> String {
      var parts: [String] = []
      for (index, width) in widths.enumerated() {
        let text = index < cells.count ? cells[index] : ""
        let pad = String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
        parts.append(numeric[index] ? pad + text : text + pad)
      }
      var joined = parts.joined(separator: "  ")
      while joined.hasSuffix(" ") { joined.removeLast() }
      return joined
    }
    let numeric = columns.map { $0.kind != .text && $0.kind != .dateTime }
    let rule = String(repeating: "-", count: widths.reduce(0, +) + 2 * max(0, widths.count - 1))
    var lines = [title, line(columns.map(\.header), numeric: numeric), rule]
    for row in rows { lines.append(line(row.map { $0.shownText(in: timeZone) }, numeric: numeric)) }
    if let totals {
      lines.append(rule)
      lines.append(line(totals.map { $0.shownText(in: timeZone) }, numeric: numeric))
    }
    return lines
  }

  /// The cells of `row` as shown on screen and in Excel ("1,234.50", "2026-11-30 09:26:53").
  public func shownCells(_ row: [SpreadsheetCell]) -> [String] {
    row.map { $0.shownText(in: timeZone) }
  }

  /// Each column's width in display cells: the widest of its header and its shown cells.
  public var displayWidths: [Int] { columnCells() }
}

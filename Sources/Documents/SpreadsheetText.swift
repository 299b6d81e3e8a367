import Domain
import Foundation
import TextWidth

extension SpreadsheetCell {
  /// The cell as CSV text: "1234.50" for money and energy, "12.34%", "2025-03-14 09:26:53" in `zone`.
  func plainText(in zone: TimeZone) -> String {
    switch self {
    case .text(let text): text
    case .integer(let value): String(value)
    case .money(let money): money.decimalString
    case .energy(let energy): energy.decimalString
    case .dateTime(let date): LocalTimeText.dateTime(date, in: zone)
    case .percent(let basisPoints): Self.hundredths(basisPoints, grouped: false) + "%"
    case .empty: ""
    }
  }

  /// The cell as Excel shows it with the writer's number formats ("1,234.50"); sizes the columns.
  func shownText(in zone: TimeZone) -> String {
    switch self {
    case .money(let money): money.grouped
    case .energy(let energy): Self.hundredths(energy.centiKWh, grouped: true)
    default: plainText(in: zone)
    }
  }

  /// `value` hundredths with two decimals; `Money` formats any such fixed-point number the same way.
  private static func hundredths(_ value: Int64, grouped: Bool) -> String {
    let money = Money(fen: value)
    return grouped ? money.grouped : money.decimalString
  }
}

extension SpreadsheetTable {
  /// Each column's width in display cells (CJK = 2): the widest of its header and shown cells.
  func columnCells() -> [Int] {
    var widths = columns.map { DisplayWidth.of($0.header) }
    for row in rows + (totals.map { [$0] } ?? []) {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], DisplayWidth.of(cell.shownText(in: timeZone)))
      }
    }
    return widths
  }
}

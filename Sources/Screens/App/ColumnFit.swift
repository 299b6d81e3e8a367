import TerminalUI

/// A table column that may be dropped when the terminal is narrow.
struct FittedColumn<ID: Hashable> {
  /// What the column shows.
  var id: ID
  /// The column (width 0 takes the space left over).
  var column: TableColumn
  /// Lower is kept first.
  var priority: Int
  /// For a flexible column, the least width worth showing.
  var minimumWidth: Int = 0

  /// The columns that fit in `width` cells (less the marker and scrollbar cells), in their original
  /// order, taken by priority; a column that does not fit is skipped and smaller ones still tried.
  static func fit(_ columns: [FittedColumn], width: Int) -> [FittedColumn] {
    let available = width - 2
    var used = 0
    var kept = Set<Int>()
    for (index, candidate) in columns.enumerated().sorted(by: { $0.element.priority < $1.element.priority }) {
      let cost = max(candidate.column.width, candidate.minimumWidth) + 1
      if used + cost <= available {
        used += cost
        kept.insert(index)
      }
    }
    return columns.enumerated().filter { kept.contains($0.offset) }.map(\.element)
  }
}

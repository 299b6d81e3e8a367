import TerminalUI

extension BatchState {
  /// Where a job's tables sit: below the title, the progress bar and the current-meter line, above the
  /// message and hint lines.
  var jobTablesRect: Rect {
    Rect(x: 0, y: 3, width: size.width, height: max(0, size.height - 3 - BatchState.footerRows))
  }

  /// True when the per-bus table and the results sit side by side (wide terminals).
  var sideBySide: Bool { size.width >= 120 }

  /// Width of the per-bus table when side by side.
  static let perBusWidth = 40

  /// Where the per-bus counts sit: left of the results when wide, above them when narrow.
  var perBusRect: Rect {
    let area = jobTablesRect
    if sideBySide { return area.splitHorizontally(left: BatchState.perBusWidth).0 }
    let rows = (progress?.perBus.count ?? 0) + 1
    let top = area.splitVertically(top: min(rows, max(3, area.height / 3))).0
    return top.splitHorizontally(left: min(top.width, BatchState.perBusWidth)).0
  }

  /// Where the per-meter results sit.
  var resultsRect: Rect {
    let area = jobTablesRect
    if sideBySide {
      let right = area.splitHorizontally(left: BatchState.perBusWidth + 1).1
      return right
    }
    let top = perBusRect.height
    return Rect(x: area.x, y: area.y + top + 1, width: area.width, height: max(0, area.height - top - 1))
  }

  /// Result rows that fit.
  var visibleResults: Int { max(1, Table.visibleRows(in: resultsRect)) }

  /// Where the jobs table sits: below the title, above the message and hint lines.
  var jobsRect: Rect {
    Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 1 - BatchState.footerRows))
  }

  /// Job rows that fit.
  var visibleJobs: Int { max(1, Table.visibleRows(in: jobsRect)) }
}

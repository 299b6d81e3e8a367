extension SpreadsheetTable {
  /// Checks that the table can be written: row widths, cell kinds and the chart's columns.
  ///
  /// Throws a `SpreadsheetError` naming `path` and the first problem (1-based row and column).
  public func validate(path: String) throws(SpreadsheetError) {
    if let problem = firstProblem() { throw SpreadsheetError(path: path, message: problem) }
  }

  /// The first problem found, or nil.
  func firstProblem() -> String? {
    guard !columns.isEmpty else { return "the table has no columns" }
    if let long = ([title] + columns.map(\.header)).first(where: Self.isTooLong) {
      return
        "the title or a header is longer than Excel's \(Self.maxTextLength) characters: \(long.prefix(20))…"
    }
    for (index, row) in rows.enumerated() {
      if let problem = problem(in: row, name: "row \(index + 1)", labelsAllowed: false) {
        return problem
      }
    }
    if let totals, let problem = problem(in: totals, name: "the totals row", labelsAllowed: true) {
      return problem
    }
    if let chart { return problem(with: chart) }
    return nil
  }

  /// A width or kind mismatch in one row; text labels are allowed anywhere in the totals row.
  private func problem(in row: [SpreadsheetCell], name: String, labelsAllowed: Bool) -> String? {
    guard row.count == columns.count else {
      return "\(name) has \(row.count) cells for \(columns.count) columns"
    }
    for (column, cell) in zip(columns, row) {
      if case .text(let text) = cell, Self.isTooLong(text) {
        return "\(name), column \"\(column.header)\" is longer than Excel's \(Self.maxTextLength) characters"
      }
      guard let kind = cell.kind, kind != column.kind else { continue }
      if labelsAllowed && kind == .text { continue }
      return "\(name), column \"\(column.header)\" (\(column.kind)) holds a \(kind) cell"
    }
    return nil
  }

  /// Out-of-range or non-numeric chart columns.
  private func problem(with chart: SpreadsheetChart) -> String? {
    guard columns.indices.contains(chart.categoryColumn) else {
      return "the chart's category column \(chart.categoryColumn) is not a column of the table"
    }
    guard columns.indices.contains(chart.valueColumn) else {
      return "the chart's value column \(chart.valueColumn) is not a column of the table"
    }
    let kind = columns[chart.valueColumn].kind
    guard kind != .text && kind != .dateTime else {
      return "the chart's value column \"\(columns[chart.valueColumn].header)\" is not numeric"
    }
    return nil
  }

  /// Excel's limit on the characters in one cell.
  static let maxTextLength = 32_767

  /// True when `text` has more characters (Unicode scalars, as libxlsxwriter counts) than a cell holds.
  private static func isTooLong(_ text: String) -> Bool {
    text.unicodeScalars.count > maxTextLength
  }
}

import TextWidth

/// One table column: a title and a width in display cells.
public struct TableColumn: Sendable, Hashable {
  /// Header text.
  public var title: String
  /// Width in cells; 0 or less takes whatever the other columns leave.
  public var width: Int
  /// Placement of the header and the cells.
  public var alignment: Alignment

  /// A column of `width` cells.
  public init(title: String, width: Int, alignment: Alignment = .left) {
    self.title = title
    self.width = width
    self.alignment = alignment
  }
}

/// The content of one table row, built on demand for visible rows only.
public struct TableRow: Sendable, Hashable {
  /// Cell text per column (missing cells show blank).
  public var cells: [String]
  /// Role of the whole row.
  public var role: StyleRole
  /// Per-column role overrides, e.g. the status cell.
  public var cellRoles: [Int: StyleRole]
  /// Mark shown in the one-cell marker column at the left (e.g. "*" for tagged).
  public var marker: Character?

  /// A row of cells in `role`.
  public init(
    cells: [String], role: StyleRole = .normal, cellRoles: [Int: StyleRole] = [:],
    marker: Character? = nil
  ) {
    self.cells = cells
    self.role = role
    self.cellRoles = cellRoles
    self.marker = marker
  }
}

/// A scrolling table with a sticky header row; rows are requested only when visible.
///
/// Layout from the left: a one-cell marker column (when `showsMarkers`), then each column
/// followed by one separating space; when rows overflow, the rightmost cell of the table
/// becomes a scrollbar. The selected row takes the `.selected` role when the table is
/// focused and `.cursor` when not.
public struct Table: Sendable {
  /// The columns.
  public var columns: [TableColumn]
  /// Total number of rows.
  public var rowCount: Int
  /// Whether the one-cell marker column is drawn.
  public var showsMarkers: Bool
  /// Builds row `index`; called only for visible rows.
  public var row: @Sendable (Int) -> TableRow

  /// A table of `rowCount` rows built on demand by `row`.
  public init(
    columns: [TableColumn], rowCount: Int, showsMarkers: Bool = true,
    row: @escaping @Sendable (Int) -> TableRow
  ) {
    self.columns = columns
    self.rowCount = rowCount
    self.showsMarkers = showsMarkers
    self.row = row
  }

  /// Rows of data that fit in `rect` (its height less the header).
  public static func visibleRows(in rect: Rect) -> Int { max(0, rect.height - 1) }

  /// The starting column and width of each column inside `rect`.
  public func columnFrames(in rect: Rect) -> [(x: Int, width: Int)] {
    let scrollbar = rowCount > Table.visibleRows(in: rect) ? 1 : 0
    let start = rect.x + (showsMarkers ? 1 : 0)
    let available = max(0, rect.maxX - scrollbar - start)
    // Every column is followed by one separating space.
    let fixed = columns.reduce(0) { $0 + max(0, $1.width) + 1 }
    let flexibleCount = columns.filter { $0.width <= 0 }.count
    let flexible = flexibleCount > 0 ? max(0, available - fixed) / flexibleCount : 0
    var x = start
    let limit = start + available
    return columns.map { column in
      let wanted = column.width > 0 ? column.width : flexible
      let width = max(0, min(wanted, limit - x))
      defer { x = min(limit, x + width + 1) }
      return (x, width)
    }
  }

  /// The row index shown at screen row `y`, if any (for mouse clicks).
  public func rowIndex(atY y: Int, rect: Rect, state: TableState) -> Int? {
    let visible = Table.visibleRows(in: rect)
    let offset = TableState.offset(
      keeping: state.selected, from: state.offset, rowCount: rowCount, visible: visible)
    let index = offset + (y - rect.y - 1)
    guard y > rect.y, y < rect.maxY, index < rowCount else { return nil }
    return index
  }

  /// Renders the header and the visible rows into `rect`.
  public func render(into buffer: inout Buffer, rect: Rect, state: TableState, focused: Bool = true) {
    guard rect.width > 0, rect.height > 0 else { return }
    let frames = columnFrames(in: rect)
    // Sticky header.
    buffer.fill(rect.row(0), role: .header)
    for (index, column) in columns.enumerated() where frames[index].width > 0 {
      buffer.write(
        column.title, in: Rect(x: frames[index].x, y: rect.y, width: frames[index].width, height: 1),
        role: .header, alignment: column.alignment)
    }
    let visible = Table.visibleRows(in: rect)
    guard visible > 0 else { return }
    let offset = TableState.offset(
      keeping: state.selected, from: state.offset, rowCount: rowCount, visible: visible)
    let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: visible)
    buffer.fill(body, role: .normal)
    let end = min(rowCount, offset + visible)
    if offset < end {
      for index in offset..<end {
        let y = rect.y + 1 + index - offset
        let content = row(index)
        let isSelected = index == state.selected
        let rowRole: StyleRole = isSelected ? (focused ? .selected : .cursor) : content.role
        buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: rowRole)
        if showsMarkers, let marker = content.marker {
          buffer.set(marker, x: rect.x, y: y, role: isSelected ? rowRole : .tagged, bold: true)
        }
        for (column, frame) in frames.enumerated() where frame.width > 0 {
          let text = column < content.cells.count ? content.cells[column] : ""
          let role = isSelected ? rowRole : (content.cellRoles[column] ?? rowRole)
          buffer.write(
            text, in: Rect(x: frame.x, y: y, width: frame.width, height: 1), role: role,
            alignment: columns[column].alignment)
        }
      }
    }
    if rowCount > visible {
      drawScrollbar(into: &buffer, x: rect.maxX - 1, top: body.y, height: visible, offset: offset)
    }
  }

  private func drawScrollbar(into buffer: inout Buffer, x: Int, top: Int, height: Int, offset: Int) {
    let thumbHeight = max(1, height * height / max(1, rowCount))
    let maxOffset = max(1, rowCount - height)
    let thumbTop = (height - thumbHeight) * min(offset, maxOffset) / maxOffset
    for i in 0..<height {
      let inThumb = i >= thumbTop && i < thumbTop + thumbHeight
      buffer.set(inThumb ? "█" : "│", x: x, y: top + i, role: .border)
    }
  }
}

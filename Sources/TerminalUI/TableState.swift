/// Which table row is selected and which row is at the top of the view.
public struct TableState: Sendable, Hashable {
  /// Index of the selected row.
  public var selected: Int
  /// Index of the first visible row.
  public var offset: Int

  /// Row 0 selected, scrolled to the top.
  public init() {
    selected = 0
    offset = 0
  }

  /// Moves the selection by `delta` rows (clamped) and scrolls to keep it visible.
  public mutating func move(by delta: Int, rowCount: Int, visible: Int) {
    select(selected + delta, rowCount: rowCount, visible: visible)
  }

  /// Selects `index` (clamped to the rows) and scrolls the least needed to keep it visible.
  public mutating func select(_ index: Int, rowCount: Int, visible: Int) {
    guard rowCount > 0 else {
      selected = 0
      offset = 0
      return
    }
    selected = min(max(0, index), rowCount - 1)
    offset = TableState.offset(
      keeping: selected, from: offset, rowCount: rowCount, visible: visible)
  }

  /// The offset closest to `offset` that shows `selected` within `visible` rows.
  public static func offset(keeping selected: Int, from offset: Int, rowCount: Int, visible: Int)
    -> Int
  {
    let visible = max(1, visible)
    var result = offset
    if selected < result { result = selected }
    if selected >= result + visible { result = selected - visible + 1 }
    result = min(result, max(0, rowCount - visible))
    return max(0, result)
  }
}

/// A boxed vertical list of items with one highlighted.
public struct Menu: Sendable, Hashable {
  /// Optional title on the top border.
  public var title: String?
  /// Item captions, top to bottom.
  public var items: [String]
  /// Index of the highlighted item.
  public var selected: Int

  /// A menu with `items`, `selected` highlighted.
  public init(title: String?, items: [String], selected: Int) {
    self.title = title
    self.items = items
    self.selected = selected
  }

  /// Which item (index) is at screen row `y` when rendered in `rect`, for mouse clicks.
  public func item(atY y: Int, rect: Rect) -> Int? {
    let inner = rect.inset(by: 1)
    let index = scrollOffset(visible: inner.height) + (y - inner.y)
    guard y >= inner.y, y < inner.maxY, index < items.count else { return nil }
    return index
  }

  /// Renders the box, the title and as many items as fit (scrolled to keep the selection).
  public func render(into buffer: inout Buffer, rect: Rect) {
    guard rect.width >= 3, rect.height >= 3 else { return }
    buffer.fill(rect, role: .dialog)
    buffer.drawBox(rect, role: .dialog)
    if let title, !title.isEmpty {
      buffer.write(
        " " + title + " ", x: rect.x + 2, y: rect.y, role: .dialogTitle, maxWidth: rect.width - 4, bold: true)
    }
    let inner = rect.inset(by: 1)
    let offset = scrollOffset(visible: inner.height)
    for row in 0..<inner.height {
      let index = offset + row
      guard index < items.count else { break }
      let role: StyleRole = index == selected ? .selected : .dialog
      buffer.write(" " + items[index], in: inner.row(row), role: role)
    }
  }

  private func scrollOffset(visible: Int) -> Int {
    TableState.offset(keeping: selected, from: 0, rowCount: items.count, visible: visible)
  }
}

import TextWidth

/// One entry of the function-key bar.
public struct FKeyItem: Sendable, Hashable {
  /// The function key number (1 for F1).
  public var key: Int
  /// What the key does.
  public var label: String
  /// Disabled items are greyed out and ignore clicks.
  public var enabled: Bool

  /// An item for F`key`.
  public init(key: Int, label: String, enabled: Bool = true) {
    self.key = key
    self.label = label
    self.enabled = enabled
  }
}

/// The htop-style bottom bar: "F1" in `.fkeyKey` followed by its label in `.fkeyBar`
/// (`.fkeyDisabled` when disabled), labels padded to at least six cells and shortened
/// evenly when the row is too narrow.
public struct FKeyBar: Sendable, Hashable {
  /// The items, left to right.
  public var items: [FKeyItem]

  /// A bar of `items`.
  public init(items: [FKeyItem]) {
    self.items = items
  }

  /// Minimum label width in cells (as htop).
  public static let labelCells = 6

  /// Where each item sits for a bar `width` cells wide: its x, the key cells, the label cells.
  public func layout(width: Int) -> [(x: Int, keyWidth: Int, labelWidth: Int)] {
    let keyWidths = items.map { "F\($0.key)".count }
    // A label always keeps one trailing blank so neighbours never run together in monochrome.
    let natural = items.map { max(DisplayWidth.of($0.label) + 1, FKeyBar.labelCells) }
    let keysTotal = keyWidths.reduce(0, +)
    var cap = natural.max() ?? 0
    while cap > 0 && keysTotal + natural.reduce(0, { $0 + min($1, cap) }) > width { cap -= 1 }
    var x = 0
    return items.indices.map { index in
      let labelWidth = min(natural[index], cap)
      defer { x += keyWidths[index] + labelWidth }
      return (x, keyWidths[index], labelWidth)
    }
  }

  /// The F-key number (`FKeyItem.key`) of the enabled item at column `x` (relative to the
  /// bar's left edge) for a bar `width` cells wide; nil for gaps and disabled items.
  public func item(atX x: Int, width: Int) -> Int? {
    guard let index = itemIndex(atX: x, width: width), items[index].enabled else { return nil }
    return items[index].key
  }

  /// The index in `items` of the item at column `x` (enabled or not), if any.
  public func itemIndex(atX x: Int, width: Int) -> Int? {
    guard x >= 0, x < width else { return nil }
    for (index, slot) in layout(width: width).enumerated()
    where x >= slot.x && x < slot.x + slot.keyWidth + slot.labelWidth {
      return index
    }
    return nil
  }

  /// Renders on the first row of `rect`; the rest of the row is `.fkeyBar`.
  public func render(into buffer: inout Buffer, rect: Rect) {
    guard rect.width > 0, rect.height > 0 else { return }
    let line = rect.row(0)
    buffer.fill(line, role: .fkeyBar)
    for (index, slot) in layout(width: line.width).enumerated() {
      let item = items[index]
      let x = line.x + slot.x
      let room = line.maxX - x
      guard room > 0 else { break }
      buffer.write(
        "F\(item.key)", x: x, y: line.y, role: item.enabled ? .fkeyKey : .fkeyDisabled,
        maxWidth: room, bold: item.enabled)
      let labelX = x + slot.keyWidth
      let labelRoom = min(slot.labelWidth, line.maxX - labelX)
      if labelRoom > 0 {
        buffer.write(
          item.label, in: Rect(x: labelX, y: line.y, width: labelRoom, height: 1),
          role: item.enabled ? .fkeyBar : .fkeyDisabled)
      }
    }
  }
}

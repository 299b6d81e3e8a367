import TextWidth

/// A centred box with a title, lines of text and a row of buttons.
public struct Dialog: Sendable, Hashable {
  /// Title on the top border.
  public var title: String
  /// Body text, one entry per row.
  public var lines: [String]
  /// Button captions, left to right.
  public var buttons: [String]
  /// Index of the highlighted button.
  public var selected: Int
  /// Role of the box and its text.
  public var role: StyleRole

  /// A dialog with the given content.
  public init(
    title: String, lines: [String], buttons: [String], selected: Int = 0,
    role: StyleRole = .dialog
  ) {
    self.title = title
    self.lines = lines
    self.buttons = buttons
    self.selected = selected
    self.role = role
  }

  /// The box the dialog occupies when centred in `area`.
  public func frame(in area: Rect) -> Rect {
    let buttonsWidth = buttonLayout(startX: 0).last.map { $0.x + $0.width } ?? 0
    let widest = max(
      DisplayWidth.of(title) + 4, lines.map { DisplayWidth.of($0) }.max() ?? 0, buttonsWidth)
    let height = lines.count + 2 + (buttons.isEmpty ? 0 : 2)
    return area.centered(width: widest + 4, height: height)
  }

  /// Which button (index) is at (`x`, `y`) when rendered in `area`, for mouse clicks.
  public func button(atX x: Int, y: Int, in area: Rect) -> Int? {
    let box = frame(in: area)
    guard !buttons.isEmpty, y == box.maxY - 2 else { return nil }
    for (index, slot) in buttonLayout(startX: buttonsStart(in: box)).enumerated()
    where x >= slot.x && x < slot.x + slot.width {
      return index
    }
    return nil
  }

  /// Renders the dialog as a centred box inside `area`.
  public func render(into buffer: inout Buffer, in area: Rect) {
    let box = frame(in: area)
    guard box.width >= 4, box.height >= 3 else { return }
    buffer.fill(box, role: role)
    buffer.drawBox(box, role: role)
    if !title.isEmpty {
      buffer.write(
        " " + title + " ", x: box.x + 2, y: box.y, role: .dialogTitle, maxWidth: box.width - 4,
        bold: true)
    }
    let inner = box.inset(by: 1).splitHorizontally(left: 1).1.splitHorizontally(right: 1).0
    for (index, line) in lines.enumerated() where index < inner.height {
      buffer.write(line, x: inner.x, y: inner.y + index, role: role, maxWidth: inner.width)
    }
    guard !buttons.isEmpty else { return }
    let y = box.maxY - 2
    for (index, slot) in buttonLayout(startX: buttonsStart(in: box)).enumerated() {
      let buttonRole: StyleRole = index == selected ? .selected : role
      buffer.write(
        "[ " + buttons[index] + " ]", x: slot.x, y: y, role: buttonRole,
        maxWidth: max(0, box.maxX - 1 - slot.x), bold: index == selected)
    }
  }

  private func buttonsStart(in box: Rect) -> Int {
    let total = buttonLayout(startX: 0).last.map { $0.x + $0.width } ?? 0
    return box.x + max(1, (box.width - total) / 2)
  }

  private func buttonLayout(startX: Int) -> [(x: Int, width: Int)] {
    var x = startX
    return buttons.map { caption in
      let width = DisplayWidth.of(caption) + 4
      defer { x += width + 2 }
      return (x, width)
    }
  }
}

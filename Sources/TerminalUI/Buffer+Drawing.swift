import TextWidth

extension Buffer {
  /// Writes text padded/clipped to exactly `rect.width` cells on the first row of `rect`,
  /// left, right or centre aligned.
  public mutating func write(
    _ text: String, in rect: Rect, role: StyleRole, alignment: Alignment = .left,
    bold: Bool = false
  ) {
    guard rect.width > 0, rect.height > 0 else { return }
    let line = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
    fill(line, role: role)
    let textWidth = min(DisplayWidth.of(text), rect.width)
    let offset: Int
    switch alignment {
    case .left: offset = 0
    case .right: offset = rect.width - textWidth
    case .center: offset = (rect.width - textWidth) / 2
    }
    write(
      text, x: rect.x + offset, y: rect.y, role: role, maxWidth: rect.width - offset, bold: bold)
  }

  /// Fills `rect` with `character` (narrow; anything else becomes a space) in `role`.
  public mutating func fill(_ rect: Rect, role: StyleRole, character: Character = " ") {
    let area = rect.intersection(self.area)
    guard !area.isEmpty else { return }
    let fillCharacter: Character = DisplayWidth.of(character) == 1 ? character : " "
    let cell = Cell(character: fillCharacter, role: role)
    for row in area.y..<area.maxY {
      let start = row * size.width
      breakWide(at: start + area.x, x: area.x)
      breakWide(at: start + area.maxX - 1, x: area.maxX - 1)
      for index in (start + area.x)..<(start + area.maxX) { cells[index] = cell }
    }
  }

  /// Restyles every cell in `rect` without changing its text.
  public mutating func setRole(_ role: StyleRole, in rect: Rect) {
    let area = rect.intersection(self.area)
    guard !area.isEmpty else { return }
    for row in area.y..<area.maxY {
      let start = row * size.width
      for index in (start + area.x)..<(start + area.maxX) { cells[index].role = role }
    }
  }

  /// Sets bold on every cell in `rect` without changing text or role.
  public mutating func setBold(_ bold: Bool, in rect: Rect) {
    let area = rect.intersection(self.area)
    guard !area.isEmpty else { return }
    for row in area.y..<area.maxY {
      let start = row * size.width
      for index in (start + area.x)..<(start + area.maxX) { cells[index].bold = bold }
    }
  }

  /// Draws a single-line border around `rect` (the inside is left alone), with an optional
  /// title on the top edge.
  public mutating func drawBox(_ rect: Rect, role: StyleRole, title: String? = nil) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let right = rect.maxX - 1
    let bottom = rect.maxY - 1
    for column in (rect.x + 1)..<right {
      set("─", x: column, y: rect.y, role: role)
      set("─", x: column, y: bottom, role: role)
    }
    for row in (rect.y + 1)..<bottom {
      set("│", x: rect.x, y: row, role: role)
      set("│", x: right, y: row, role: role)
    }
    set("┌", x: rect.x, y: rect.y, role: role)
    set("┐", x: right, y: rect.y, role: role)
    set("└", x: rect.x, y: bottom, role: role)
    set("┘", x: right, y: bottom, role: role)
    if let title, !title.isEmpty, rect.width > 4 {
      write(" " + title + " ", x: rect.x + 1, y: rect.y, role: role, maxWidth: rect.width - 2, bold: true)
    }
  }

  /// Copies `other` into this buffer with its top-left corner at (`x`, `y`).
  public mutating func blit(_ other: Buffer, x: Int, y: Int) {
    for row in 0..<other.size.height {
      var column = 0
      while column < other.size.width {
        let cell = other[column, row]
        if !cell.isContinuation {
          set(cell.character, x: x + column, y: y + row, role: cell.role, bold: cell.bold)
        }
        column += 1
      }
    }
  }
}

extension Buffer {
  /// Text of each row (continuation cells omitted so CJK shows once), trailing spaces kept.
  public func lines() -> [String] {
    (0..<size.height).map { row in
      var line = ""
      line.reserveCapacity(size.width)
      let start = row * size.width
      for index in start..<(start + size.width) where !cells[index].isContinuation {
        line.append(cells[index].character)
      }
      return line
    }
  }

  /// Rows joined by newlines.
  public func text() -> String { lines().joined(separator: "\n") }

  /// The role of every cell, one line per row using `StyleRole.code` (continuation cells
  /// included, so each line is exactly `size.width` characters), for golden tests.
  public func roleMap() -> [String] {
    (0..<size.height).map { row in
      let start = row * size.width
      return String(cells[start..<(start + size.width)].map { $0.role.code })
    }
  }

  /// Roles present in `rect` (for assertions like "this row is alarm2").
  public func roles(in rect: Rect) -> Set<StyleRole> {
    let area = rect.intersection(self.area)
    var result: Set<StyleRole> = []
    guard !area.isEmpty else { return result }
    for row in area.y..<area.maxY {
      let start = row * size.width
      for index in (start + area.x)..<(start + area.maxX) { result.insert(cells[index].role) }
    }
    return result
  }

  /// The first occurrence of `text` by row text, with `x` in cells; nil when absent.
  public func find(_ text: String) -> (x: Int, y: Int)? {
    guard !text.isEmpty else { return nil }
    for (row, line) in lines().enumerated() {
      guard let range = line.firstRange(of: text) else { continue }
      // Each character in a row line stands for one cell, or two when it is wide.
      var x = 0
      var index = row * size.width
      var characterIndex = line.startIndex
      while characterIndex < range.lowerBound {
        let wide = index + 1 < (row + 1) * size.width && cells[index + 1].isContinuation
        x += wide ? 2 : 1
        index += wide ? 2 : 1
        characterIndex = line.index(after: characterIndex)
      }
      return (x, row)
    }
    return nil
  }
}

import TextWidth

/// A grid of cells measured in display cells: wide characters take two cells
/// (the right one a continuation) and are clipped, never split.
public struct Buffer: Sendable {
  /// Columns and rows.
  public let size: Size
  /// Cells row by row.
  var cells: [Cell]

  /// A buffer of `size` filled with spaces in `role`.
  public init(size: Size, role: StyleRole = .normal) {
    let clamped = Size(width: max(0, size.width), height: max(0, size.height))
    self.size = clamped
    self.cells = Array(
      repeating: Cell(character: " ", role: role), count: clamped.width * clamped.height)
  }

  /// The whole buffer as a rectangle.
  public var area: Rect { Rect(size: size) }

  /// The cell at (`x`, `y`); a blank cell outside the buffer.
  public subscript(x: Int, y: Int) -> Cell {
    guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
    return cells[y * size.width + x]
  }

  /// Writes text from (`x`, `y`) clipped to `maxWidth` cells (default: to the right edge);
  /// wide characters that would be split are replaced by a space; returns cells used.
  ///
  /// Control and zero-width characters on their own are skipped; combining marks travel
  /// with their base character as one grapheme cluster.
  @discardableResult
  public mutating func write(
    _ text: String, x: Int, y: Int, role: StyleRole, maxWidth: Int? = nil, bold: Bool = false
  ) -> Int {
    guard y >= 0, y < size.height else { return 0 }
    var limit = size.width
    if let maxWidth { limit = min(limit, x + max(0, maxWidth)) }
    guard x < limit else { return 0 }
    var column = x
    for character in text {
      let width = DisplayWidth.of(character)
      if width == 0 { continue }
      if column >= limit { break }
      if column < 0 {
        // A character straddling the left edge shows as spaces in its visible part.
        let end = column + width
        if end > 0 {
          for c in 0..<min(end, limit) { put(" ", x: c, y: y, role: role, bold: bold) }
        }
        column = end
        continue
      }
      if width == 2 {
        if column + 1 >= limit {
          put(" ", x: column, y: y, role: role, bold: bold)
          column += 1
          break
        }
        putWide(character, x: column, y: y, role: role, bold: bold)
      } else {
        put(character, x: column, y: y, role: role, bold: bold)
      }
      column += width
    }
    return max(0, min(column, limit) - max(x, 0))
  }

  /// Sets one cell (a narrow character; a wide one is written with its continuation).
  public mutating func set(_ character: Character, x: Int, y: Int, role: StyleRole, bold: Bool = false) {
    guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
    let width = DisplayWidth.of(character)
    if width == 2 {
      if x + 1 < size.width {
        putWide(character, x: x, y: y, role: role, bold: bold)
      } else {
        put(" ", x: x, y: y, role: role, bold: bold)
      }
    } else {
      put(width == 0 ? " " : character, x: x, y: y, role: role, bold: bold)
    }
  }

  /// Stores a narrow character, blanking any wide character it cuts in half.
  @inline(__always)
  mutating func put(_ character: Character, x: Int, y: Int, role: StyleRole, bold: Bool) {
    let index = y * size.width + x
    breakWide(at: index, x: x)
    cells[index] = Cell(character: character, role: role, bold: bold)
  }

  /// Stores a wide character at `x` and its continuation at `x + 1` (caller checks room).
  @inline(__always)
  mutating func putWide(_ character: Character, x: Int, y: Int, role: StyleRole, bold: Bool) {
    let index = y * size.width + x
    breakWide(at: index, x: x)
    breakWide(at: index + 1, x: x + 1)
    cells[index] = Cell(character: character, role: role, bold: bold)
    cells[index + 1] = Cell(character: " ", role: role, bold: bold, isContinuation: true)
  }

  /// Before cell `index` (column `x`) is overwritten: if it is the right half of a wide
  /// character, blank the left half; if the next cell is a continuation, blank it.
  @inline(__always)
  mutating func breakWide(at index: Int, x: Int) {
    if cells[index].isContinuation, x > 0 {
      cells[index - 1].character = " "
    }
    if x + 1 < size.width, cells[index + 1].isContinuation {
      cells[index + 1].character = " "
      cells[index + 1].isContinuation = false
    }
  }
}

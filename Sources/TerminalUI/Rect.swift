/// A rectangle of cells; `maxX`/`maxY` are exclusive.
public struct Rect: Sendable, Hashable {
  /// Left column.
  public var x: Int
  /// Top row.
  public var y: Int
  /// Columns (never negative after any of the helpers below).
  public var width: Int
  /// Rows (never negative after any of the helpers below).
  public var height: Int

  /// A rectangle at (`x`, `y`) of `width` × `height` cells.
  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  /// The rectangle at the origin covering `size`.
  public init(size: Size) {
    self.init(x: 0, y: 0, width: size.width, height: size.height)
  }

  /// One past the rightmost column.
  public var maxX: Int { x + width }
  /// One past the bottom row.
  public var maxY: Int { y + height }
  /// True when the rectangle holds no cell.
  public var isEmpty: Bool { width <= 0 || height <= 0 }
  /// The rectangle's size.
  public var size: Size { Size(width: width, height: height) }

  /// True when the cell (`x`, `y`) lies inside.
  public func contains(x px: Int, y py: Int) -> Bool {
    px >= x && px < maxX && py >= y && py < maxY
  }

  /// The rectangle shrunk by `amount` cells on every side (never below zero size).
  public func inset(by amount: Int) -> Rect {
    Rect(
      x: x + amount, y: y + amount, width: max(0, width - 2 * amount),
      height: max(0, height - 2 * amount))
  }

  /// The top `top` rows and the rest.
  public func splitVertically(top: Int) -> (Rect, Rect) {
    let h = min(max(0, top), height)
    return (
      Rect(x: x, y: y, width: width, height: h),
      Rect(x: x, y: y + h, width: width, height: height - h)
    )
  }

  /// The rest and the bottom `bottom` rows.
  public func splitVertically(bottom: Int) -> (Rect, Rect) {
    splitVertically(top: height - min(max(0, bottom), height))
  }

  /// The left `left` columns and the rest.
  public func splitHorizontally(left: Int) -> (Rect, Rect) {
    let w = min(max(0, left), width)
    return (
      Rect(x: x, y: y, width: w, height: height),
      Rect(x: x + w, y: y, width: width - w, height: height)
    )
  }

  /// The rest and the right `right` columns.
  public func splitHorizontally(right: Int) -> (Rect, Rect) {
    splitHorizontally(left: width - min(max(0, right), width))
  }

  /// A rectangle of at most `width` × `height` centred inside this one.
  public func centered(width w: Int, height h: Int) -> Rect {
    let cw = min(max(0, w), width)
    let ch = min(max(0, h), height)
    return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
  }

  /// Row `i` (zero-based) as a one-row rectangle; empty when outside.
  public func row(_ i: Int) -> Rect {
    guard i >= 0, i < height else { return Rect(x: x, y: y + max(0, i), width: width, height: 0) }
    return Rect(x: x, y: y + i, width: width, height: 1)
  }

  /// The overlap of two rectangles (empty, at this origin, when they do not overlap).
  public func intersection(_ other: Rect) -> Rect {
    let left = max(x, other.x)
    let top = max(y, other.y)
    let right = min(maxX, other.maxX)
    let bottom = min(maxY, other.maxY)
    guard right > left, bottom > top else { return Rect(x: x, y: y, width: 0, height: 0) }
    return Rect(x: left, y: top, width: right - left, height: bottom - top)
  }
}

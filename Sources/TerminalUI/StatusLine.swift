import TextWidth

/// A one-row bar with text at the left and right ends (the right end wins when short).
public struct StatusLine: Sendable, Hashable {
  /// Left-aligned text.
  public var left: String
  /// Right-aligned text.
  public var right: String
  /// Role of the whole row.
  public var role: StyleRole

  /// A status line in `role`.
  public init(left: String, right: String, role: StyleRole = .statusBar) {
    self.left = left
    self.right = right
    self.role = role
  }

  /// Renders on the first row of `rect`.
  public func render(into buffer: inout Buffer, rect: Rect) {
    guard rect.width > 0, rect.height > 0 else { return }
    let line = rect.row(0)
    buffer.fill(line, role: role)
    let rightWidth = min(DisplayWidth.of(right), line.width)
    let leftSpace = max(0, line.width - rightWidth - (rightWidth > 0 ? 1 : 0))
    buffer.write(left, x: line.x, y: line.y, role: role, maxWidth: leftSpace)
    if rightWidth > 0 {
      buffer.write(
        right, in: Rect(x: line.maxX - rightWidth, y: line.y, width: rightWidth, height: 1), role: role)
    }
  }
}

/// A tiny chart of values as bars ▁▂▃▄▅▆▇█, newest at the right; scaled from 0 to the maximum.
public struct Sparkline: Sendable, Hashable {
  /// The values, oldest first; negatives count as 0.
  public var values: [Int64]

  /// A sparkline of `values`.
  public init(values: [Int64]) {
    self.values = values
  }

  static let levels: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// Renders the last `rect.width` values, bottom-aligned across `rect.height` rows.
  /// A positive value always shows at least "▁"; zero shows blank.
  public func render(into buffer: inout Buffer, rect: Rect, role: StyleRole = .chart) {
    guard rect.width > 0, rect.height > 0 else { return }
    buffer.fill(rect, role: role)
    let shown = values.suffix(rect.width)
    let maximum = shown.map { max(0, $0) }.max() ?? 0
    guard maximum > 0 else { return }
    let totalLevels = Int64(rect.height * 8)
    for (column, value) in shown.enumerated() {
      let v = max(0, value)
      var height = Int((v * totalLevels + maximum - 1) / maximum)  // round up
      if v > 0 { height = max(1, height) }
      for row in 0..<rect.height {
        let level = min(8, max(0, height - row * 8))
        buffer.set(Sparkline.levels[level], x: rect.x + column, y: rect.maxY - 1 - row, role: role)
      }
    }
  }
}

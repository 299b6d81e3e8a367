import TextWidth

/// Horizontal bars, one per row: "label │██████▍ value", scaled to the largest value.
public struct BarChart: Sendable {
  /// Labels and values, top to bottom; negatives draw as empty bars.
  public var bars: [(label: String, value: Int64)]
  /// Formats a value for the text after each bar.
  public var valueText: @Sendable (Int64) -> String
  /// Draws bars with "#" and the axis with "|" for terminals that draw block characters double-width.
  public var ascii: Bool = false

  /// A chart of `bars` with values formatted by `valueText`, in block characters or ASCII.
  public init(
    bars: [(label: String, value: Int64)],
    valueText: @escaping @Sendable (Int64) -> String = { String($0) }, ascii: Bool = false
  ) {
    self.bars = bars
    self.valueText = valueText
    self.ascii = ascii
  }

  /// Renders as many bars as rows fit: labels `.legend`, axis `.chartAxis`, bars `.chart`,
  /// values `.normal`.
  public func render(into buffer: inout Buffer, rect: Rect) {
    guard rect.width > 0, rect.height > 0 else { return }
    buffer.fill(rect, role: .normal)
    let labelWidth = min(bars.map { DisplayWidth.of($0.label) }.max() ?? 0, rect.width / 3)
    let texts = bars.map { valueText($0.value) }
    let valueWidth = texts.map { DisplayWidth.of($0) }.max() ?? 0
    let maximum = bars.map { max(0, $0.value) }.max() ?? 0
    let barX = rect.x + labelWidth + 2  // label, space, axis
    let barWidth = max(0, rect.maxX - barX - valueWidth - 1)
    for (index, bar) in bars.enumerated() where index < rect.height {
      let y = rect.y + index
      buffer.write(bar.label, in: Rect(x: rect.x, y: y, width: labelWidth, height: 1), role: .legend)
      buffer.set(ascii ? "|" : "│", x: rect.x + labelWidth + 1, y: y, role: .chartAxis)
      var x = barX
      if barWidth > 0 && maximum > 0 {
        let eighths = Int(Double(max(0, bar.value)) / Double(maximum) * Double(barWidth * 8))
        let full = eighths / 8
        for i in 0..<full { buffer.set(ascii ? "#" : "█", x: barX + i, y: y, role: .chart) }
        x += full
        if eighths % 8 > 0 && !ascii {
          buffer.set(ProgressBar.eighths[eighths % 8], x: x, y: y, role: .chart)
          x += 1
        }
      }
      buffer.write(texts[index], x: x + 1, y: y, role: .normal, maxWidth: max(0, rect.maxX - x - 1))
    }
  }
}

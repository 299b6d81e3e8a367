/// A horizontal bar: "label ███████▌     42%", the bar filled in eighths of a cell.
public struct ProgressBar: Sendable, Hashable {
  /// Completed fraction, clamped to 0…1 (NaN counts as 0).
  public var fraction: Double
  /// Text before the bar.
  public var label: String?

  /// A bar showing `fraction`.
  public init(fraction: Double, label: String?) {
    self.fraction = fraction.isFinite ? min(max(0, fraction), 1) : 0
    self.label = label
  }

  static let eighths: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

  /// Renders on the first row of `rect`: label (`.normal`), bar (`.chart` on `.dim` track),
  /// percentage (`.normal`).
  public func render(into buffer: inout Buffer, rect: Rect) {
    guard rect.width > 0, rect.height > 0 else { return }
    let line = rect.row(0)
    buffer.fill(line, role: .normal)
    var x = line.x
    if let label, !label.isEmpty {
      x += buffer.write(label + " ", x: x, y: line.y, role: .normal, maxWidth: line.width)
    }
    let percent = " \(Int(fraction * 100))%"
    let percentWidth = percent.count
    let barWidth = line.maxX - x - percentWidth
    if barWidth > 0 {
      let totalEighths = Int(fraction * Double(barWidth * 8))
      for i in 0..<barWidth {
        let eighths = min(8, max(0, totalEighths - i * 8))
        buffer.set(ProgressBar.eighths[eighths], x: x + i, y: line.y, role: eighths > 0 ? .chart : .dim)
      }
      x += barWidth
    }
    buffer.write(percent, x: x, y: line.y, role: .normal, maxWidth: line.maxX - x)
  }
}

import TerminalUI
import Testing

@Suite("Charts and bars")
struct ChartTests {
  @Test("sparkline scales from zero to the maximum, newest at the right")
  func sparkline() {
    var buffer = Buffer(size: Size(width: 10, height: 1))
    Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7, 8]).render(into: &buffer, rect: buffer.area)
    #expect(buffer.lines() == [" ▁▂▃▄▅▆▇█ "])
    #expect(buffer.roles(in: buffer.area) == [.chart])
  }

  @Test("sparkline keeps only the last values that fit; tiny values still show")
  func sparklineClipping() {
    var buffer = Buffer(size: Size(width: 3, height: 1))
    Sparkline(values: [100, 100, 1, 0, 1000]).render(into: &buffer, rect: buffer.area, role: .legend)
    #expect(buffer.lines() == ["▁ █"])
    #expect(buffer.roles(in: buffer.area) == [.legend])
  }

  @Test("two-row sparkline")
  func sparklineTall() {
    var buffer = Buffer(size: Size(width: 3, height: 2))
    Sparkline(values: [4, 8, 16]).render(into: &buffer, rect: buffer.area)
    #expect(buffer.lines() == ["  █", "▄██"])
  }

  @Test("bar chart: labels, axis, scaled bars and value text")
  func barChart() {
    var buffer = Buffer(size: Size(width: 24, height: 3))
    BarChart(
      bars: [(label: "一月", value: 100), (label: "Feb", value: 50), (label: "三", value: 0)],
      valueText: { "\($0)k" }
    ).render(into: &buffer, rect: buffer.area)
    #expect(
      buffer.lines() == [
        "一月 │█████████████ 100k",
        "Feb  │██████▌ 50k       ",
        "三   │ 0k               ",
      ])
    #expect(buffer.roles(in: Rect(x: 0, y: 0, width: 4, height: 1)) == [.legend])
    #expect(buffer[5, 1].role == .chartAxis)
    #expect(buffer.roles(in: Rect(x: 6, y: 1, width: 7, height: 1)) == [.chart])
  }

  @Test("progress bar with eighths and percentage")
  func progress() {
    var buffer = Buffer(size: Size(width: 20, height: 1))
    ProgressBar(fraction: 0.5, label: "读表").render(into: &buffer, rect: buffer.area)
    #expect(buffer.lines() == ["读表 █████▌      50%"])  // 11-cell bar: 5½ cells filled
    #expect(buffer[5, 0].role == .chart && buffer[14, 0].role == .dim)
    ProgressBar(fraction: 2, label: nil).render(into: &buffer, rect: buffer.area)
    #expect(buffer.lines() == ["███████████████ 100%"])
  }
}

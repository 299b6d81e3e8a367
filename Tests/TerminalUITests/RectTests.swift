import TerminalUI
import Testing

@Suite("Rect and layout")
struct RectTests {
  let screen = Rect(x: 0, y: 0, width: 80, height: 24)

  @Test("vertical and horizontal splits")
  func splits() {
    let (top, rest) = screen.splitVertically(top: 1)
    #expect(top == Rect(x: 0, y: 0, width: 80, height: 1))
    #expect(rest == Rect(x: 0, y: 1, width: 80, height: 23))
    let (body, bottom) = screen.splitVertically(bottom: 2)
    #expect(body.height == 22 && bottom == Rect(x: 0, y: 22, width: 80, height: 2))
    let (left, right) = screen.splitHorizontally(left: 30)
    #expect(left.width == 30 && right == Rect(x: 30, y: 0, width: 50, height: 24))
    let (_, far) = screen.splitHorizontally(right: 10)
    #expect(far == Rect(x: 70, y: 0, width: 10, height: 24))
    #expect(screen.splitVertically(top: 100).1.height == 0)
  }

  @Test("inset, centered, row, intersection")
  func helpers() {
    #expect(screen.inset(by: 1) == Rect(x: 1, y: 1, width: 78, height: 22))
    #expect(Rect(x: 0, y: 0, width: 1, height: 1).inset(by: 1).isEmpty)
    #expect(screen.centered(width: 40, height: 10) == Rect(x: 20, y: 7, width: 40, height: 10))
    #expect(screen.centered(width: 200, height: 10).width == 80)
    #expect(screen.row(3) == Rect(x: 0, y: 3, width: 80, height: 1))
    #expect(screen.row(30).isEmpty)
    #expect(screen.maxX == 80 && screen.maxY == 24)
    #expect(
      screen.intersection(Rect(x: 70, y: 20, width: 20, height: 20))
        == Rect(x: 70, y: 20, width: 10, height: 4))
  }

  @Test("constraint layout")
  func layout() {
    let rows = screen.rows([.fixed(1), .fill, .fixed(1), .fixed(1)])
    #expect(rows.map(\.height) == [1, 21, 1, 1])
    #expect(rows.map(\.y) == [0, 1, 22, 23])
    let columns = screen.columns([.percent(25), .fill, .fill])
    #expect(columns.map(\.width) == [20, 30, 30])
    #expect(columns.map(\.x) == [0, 20, 50])
  }
}

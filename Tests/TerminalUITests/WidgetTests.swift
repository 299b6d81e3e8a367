import TerminalUI
import Testing

@Suite("Dialog, menu, status line")
struct WidgetTests {
  @Test("dialog is a centred box with highlighted button and click mapping")
  func dialog() {
    var buffer = Buffer(size: Size(width: 30, height: 9))
    let dialog = Dialog(title: "确认", lines: ["拉闸 A-101?"], buttons: ["是", "否"], selected: 1)
    dialog.render(into: &buffer, in: buffer.area)
    let frame = dialog.frame(in: buffer.area)
    #expect(frame == Rect(x: 6, y: 2, width: 18, height: 5))  // buttons row is widest
    let lines = buffer.lines()
    #expect(lines[2] == "      ┌─ 确认 ─────────┐      ")
    #expect(lines[3] == "      │ 拉闸 A-101?    │      ")
    #expect(lines[5] == "      │ [ 是 ]  [ 否 ] │      ")
    #expect(buffer.find("[ 否 ]") != nil)
    let no = buffer.find("[ 否 ]")
    #expect(no.map { buffer[$0.x, $0.y].role } == .selected)
    #expect(buffer.find("[ 是 ]").map { buffer[$0.x, $0.y].role } == .dialog)
    if let no {
      #expect(dialog.button(atX: no.x + 1, y: no.y, in: buffer.area) == 1)
    }
    #expect(dialog.button(atX: 0, y: 0, in: buffer.area) == nil)
    #expect(buffer.roles(in: Rect(x: 0, y: 0, width: 30, height: 2)) == [.normal])
  }

  @Test("menu highlights the selected item and maps clicks")
  func menu() {
    var buffer = Buffer(size: Size(width: 12, height: 5))
    let menu = Menu(title: "Sort", items: ["Name", "Meter", "Balance"], selected: 1)
    menu.render(into: &buffer, rect: buffer.area)
    #expect(buffer.lines()[0] == "┌─ Sort ───┐")
    #expect(buffer.lines()[2] == "│ Meter    │")
    #expect(buffer.roles(in: Rect(x: 1, y: 2, width: 10, height: 1)) == [.selected])
    #expect(menu.item(atY: 3, rect: buffer.area) == 2)
    #expect(menu.item(atY: 0, rect: buffer.area) == nil)
  }

  @Test("status line keeps the right text when space runs out")
  func statusLine() {
    var buffer = Buffer(size: Size(width: 20, height: 1))
    StatusLine(left: "操作员 王芳 · 在线 9800", right: "12:30").render(into: &buffer, rect: buffer.area)
    #expect(buffer.lines() == ["操作员 王芳 ·  12:30"])  // 在 would touch the right text
    #expect(buffer.roles(in: buffer.area) == [.statusBar])
  }
}

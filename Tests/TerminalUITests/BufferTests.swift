import TerminalUI
import Testing

@Suite("Buffer")
struct BufferTests {
  @Test("a CJK name takes two cells per character")
  func wideCharacters() {
    var buffer = Buffer(size: Size(width: 10, height: 1))
    let used = buffer.write("王芳", x: 0, y: 0, role: .normal)
    #expect(used == 4)
    #expect(buffer[0, 0].character == "王")
    #expect(buffer[1, 0].isContinuation)
    #expect(buffer[2, 0].character == "芳")
    #expect(buffer[3, 0].isContinuation)
    #expect(!buffer[4, 0].isContinuation)
    #expect(buffer.lines() == ["王芳      "])
  }

  @Test("clipping to 7 cells keeps 3 characters and a blank, never half a character")
  func clipping() {
    var buffer = Buffer(size: Size(width: 10, height: 1))
    buffer.fill(buffer.area, role: .normal, character: "x")
    let used = buffer.write("星河国际广场", x: 0, y: 0, role: .alarm1, maxWidth: 7)
    #expect(used == 7)
    #expect(buffer.lines() == ["星河国 xxx"])
    #expect(buffer[6, 0].character == " ")
    #expect(!buffer[6, 0].isContinuation)
    #expect(buffer[6, 0].role == .alarm1)
    #expect(buffer[7, 0].character == "x")
  }

  @Test("a wide character at the right edge is replaced by a space")
  func rightEdge() {
    var buffer = Buffer(size: Size(width: 5, height: 1))
    buffer.write("ab王芳", x: 0, y: 0, role: .normal)
    #expect(buffer.lines() == ["ab王 "])
    #expect(!buffer[4, 0].isContinuation && buffer[4, 0].character == " ")
  }

  @Test("overwriting half of a wide character blanks the other half")
  func overwriteHalf() {
    var buffer = Buffer(size: Size(width: 6, height: 1))
    buffer.write("王芳", x: 0, y: 0, role: .normal)
    buffer.write("a", x: 1, y: 0, role: .normal)  // right half of 王
    #expect(buffer.lines() == [" a芳  "])
    #expect(!buffer[1, 0].isContinuation)
    buffer.write("b", x: 2, y: 0, role: .normal)  // left half of 芳
    #expect(buffer.lines() == [" ab   "])
    #expect(!buffer[3, 0].isContinuation)
    #expect(buffer[3, 0].character == " ")
  }

  @Test("a wide character written over another's right half blanks its left half")
  func wideOverWide() {
    var buffer = Buffer(size: Size(width: 6, height: 1))
    buffer.write("王芳", x: 0, y: 0, role: .normal)
    buffer.write("国", x: 1, y: 0, role: .normal)
    #expect(buffer.lines() == [" 国   "])
    #expect(buffer[2, 0].isContinuation)
    #expect(!buffer[3, 0].isContinuation)
  }

  @Test("a combining mark stays with its base in one cell")
  func combiningMarks() {
    var buffer = Buffer(size: Size(width: 4, height: 1))
    let used = buffer.write("e\u{0301}x", x: 0, y: 0, role: .normal)
    #expect(used == 2)
    #expect(buffer[0, 0].character == "e\u{0301}")
    #expect(buffer[1, 0].character == "x")
  }

  @Test("control characters are skipped and writes outside the buffer are ignored")
  func controlsAndBounds() {
    var buffer = Buffer(size: Size(width: 4, height: 2))
    #expect(buffer.write("a\tb", x: 0, y: 0, role: .normal) == 2)
    #expect(buffer.write("zz", x: 0, y: 5, role: .normal) == 0)
    #expect(buffer.write("王b", x: -1, y: 1, role: .normal) == 2)
    #expect(buffer.lines() == ["ab  ", " b  "])
  }

  @Test("write in a rect pads and aligns in cells")
  func alignedWrite() {
    var buffer = Buffer(size: Size(width: 8, height: 3))
    buffer.write("王芳", in: Rect(x: 0, y: 0, width: 8, height: 1), role: .normal, alignment: .right)
    buffer.write("ab", in: Rect(x: 0, y: 1, width: 8, height: 1), role: .normal, alignment: .center)
    buffer.write("星河国际广场", in: Rect(x: 0, y: 2, width: 7, height: 1), role: .header)
    #expect(buffer.lines() == ["    王芳", "   ab   ", "星河国  "])
    #expect(buffer.roles(in: Rect(x: 0, y: 2, width: 7, height: 1)) == [.header])
    #expect(buffer[7, 2].role == .normal)
  }

  @Test("role map round trip")
  func roleMapRoundTrip() {
    var buffer = Buffer(size: Size(width: StyleRole.allCases.count, height: 2))
    for (x, role) in StyleRole.allCases.enumerated() {
      buffer.write("x", x: x, y: 0, role: role)
    }
    buffer.write("王", x: 0, y: 1, role: .alarm2)
    let map = buffer.roleMap()
    #expect(map[1].hasPrefix("22."))
    let decoded = map[0].map { StyleRole(code: $0) }
    #expect(decoded == StyleRole.allCases.map { Optional($0) })
    #expect(Set(StyleRole.allCases.map(\.code)).count == StyleRole.allCases.count)
  }

  @Test("find reports x in cells")
  func find() {
    var buffer = Buffer(size: Size(width: 20, height: 2))
    buffer.write("王芳 A-101", x: 1, y: 1, role: .normal)
    let found = buffer.find("A-101")
    #expect(found?.x == 6)
    #expect(found?.y == 1)
    #expect(buffer.find("missing") == nil)
    #expect(buffer.text().contains("王芳 A-101"))
  }

  @Test("fill, setRole and roles(in:)")
  func fillAndRestyle() {
    var buffer = Buffer(size: Size(width: 6, height: 2), role: .dim)
    buffer.write("王芳", x: 0, y: 0, role: .normal)
    buffer.fill(Rect(x: 1, y: 0, width: 2, height: 1), role: .alarm1, character: "-")
    #expect(buffer.lines()[0] == " --   ")
    buffer.setRole(.selected, in: Rect(x: 0, y: 1, width: 6, height: 1))
    #expect(buffer.roles(in: Rect(x: 0, y: 1, width: 6, height: 1)) == [.selected])
    #expect(buffer.roles(in: Rect(x: 0, y: 0, width: 6, height: 1)) == [.normal, .alarm1, .dim])
  }

  @Test("box with a title")
  func box() {
    var buffer = Buffer(size: Size(width: 10, height: 3))
    buffer.drawBox(buffer.area, role: .border, title: "电表")
    #expect(buffer.lines() == ["┌ 电表 ──┐", "│        │", "└────────┘"])
  }
}

import TerminalUI
import Testing

@Suite("Form fields")
struct FormFieldTests {
  /// Sends keys to the field; returns whether each was consumed.
  func press(_ keys: [Key], _ field: inout FormField) -> [Bool] {
    keys.map { field.handle($0) }
  }

  @Test("editing: insert, move, backspace, delete, home/end")
  func editing() {
    var field = FormField(label: "Meter")
    #expect(press("A101".map { .character($0) }, &field) == [true, true, true, true])
    #expect(field.value == "A101" && field.cursor == 4)
    #expect(press([.left, .left, .character("-")], &field) == [true, true, true])
    #expect(field.value == "A1-01")
    _ = press([.backspace], &field)
    #expect(field.value == "A101" && field.cursor == 2)
    _ = press([.home, .delete], &field)
    #expect(field.value == "101" && field.cursor == 0)
    _ = press([.end], &field)
    #expect(field.cursor == 3)
    _ = press([.backspace], &field)
    #expect(field.value == "10")
    #expect(press([.enter, .function(2), .up], &field) == [false, false, false])
    #expect(press([.control("u")], &field) == [true])
    #expect(field.value.isEmpty)
  }

  @Test("CJK input counts characters for the cursor and cells for display")
  func cjkInput() {
    var field = FormField(label: "户名")
    for character in "王芳" { _ = field.handle(.character(character)) }
    _ = field.handle(.left)
    _ = field.handle(.character("小"))
    #expect(field.value == "王小芳" && field.cursor == 2)
    var buffer = Buffer(size: Size(width: 20, height: 2))
    field.render(into: &buffer, rect: buffer.area, focused: true, labelWidth: 6)
    #expect(buffer.lines()[0] == "户名  王小芳        ")
    #expect(buffer[10, 0].role == .cursor)  // on 芳, both cells
    #expect(buffer[11, 0].role == .cursor)
    #expect(buffer[6, 0].role == .inputFocused)
  }

  @Test("secure fields show one mask per character")
  func secure() {
    var field = FormField(label: "PIN", value: "密码12", secure: true)
    #expect(field.displayValue == "••••")
    _ = field.handle(.character("x"))
    var buffer = Buffer(size: Size(width: 12, height: 1))
    field.render(into: &buffer, rect: buffer.area, focused: false, labelWidth: 4)
    #expect(buffer.lines()[0] == "PIN •••••   ")
    #expect(!buffer.text().contains("密"))
    #expect(buffer.roles(in: Rect(x: 4, y: 0, width: 8, height: 1)) == [.input])
  }

  @Test("max length and validation message")
  func validation() {
    var field = FormField(label: "Amount")
    field.maxLength = 3
    for character in "12345" { _ = field.handle(.character(character)) }
    #expect(field.value == "123")
    #expect(!field.validate { $0.count < 4 ? "at least 4 digits" : nil })
    var buffer = Buffer(size: Size(width: 30, height: 2))
    field.render(into: &buffer, rect: buffer.area, focused: true, labelWidth: 8)
    #expect(buffer.lines()[1].hasPrefix("        at least 4 digits"))
    #expect(buffer.roles(in: Rect(x: 8, y: 1, width: 22, height: 1)) == [.error])
    _ = field.handle(.backspace)
    #expect(field.error == nil)
  }

  @Test("long values scroll to keep the cursor visible")
  func scrolling() {
    let field = FormField(label: "", value: "0123456789")
    var buffer = Buffer(size: Size(width: 5, height: 1))
    field.render(into: &buffer, rect: buffer.area, focused: true, labelWidth: 0)
    #expect(buffer.lines()[0] == "6789 ")
    #expect(buffer[4, 0].role == .cursor)
  }
}

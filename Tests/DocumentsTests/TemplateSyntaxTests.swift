import Documents
import Domain
import Testing

@Suite struct TemplateSyntaxTests {
  /// Renders a one-off template at 40 columns.
  private func render(_ text: String, _ data: ReceiptData = Fixtures.sale()) throws -> String {
    try ReceiptTemplate.parse(text, file: "test.txt").render(data, width: .thermal)
  }

  @Test func referenceAliasesWork() throws {
    let text = try render("#MUserID #MBillID #MMeterID #MUseTimes #MSaleMoney #MAllMoney\n#mbillid元")
    #expect(text == "XH00003 00000042 202421000874 7 1,234.50\n壹仟贰佰叁拾肆元伍角\n00000042元\n")
  }

  @Test func widthsAreDisplayCells() throws {
    #expect(try render("[{tenant:<6}]") == "[上海星]\n")
    #expect(try render("[{kind:>6}]") == "[  售电]\n")
    #expect(try render("[{kind:^8}]") == "[  售电  ]\n")
    #expect(try render("[{amount:>10}]") == "[  1,234.50]\n")
    // Odd widths never split a CJK character: the cell left over is a space.
    #expect(try render("[{tenant:5}]") == "[上海 ]\n")
    // Amounts and numbers are never clipped.
    #expect(try render("[{amount:>4}][{meter:3}]") == "[1,234.50][202421000874]\n")
  }

  @Test func lineAlignment() throws {
    #expect(try render("{site:^}") == String(repeating: " ", count: 14) + "星河国际广场\n")
    #expect(try render("{^}AB") == String(repeating: " ", count: 19) + "AB\n")
    #expect(try render("{>}票号 {bill}") == String(repeating: " ", count: 27) + "票号 00000042\n")
    #expect(try render("{rule:=}") == String(repeating: "=", count: 40) + "\n")
    #expect(try render("AB{rule}CD") == "AB" + String(repeating: "-", count: 36) + "CD\n")
  }

  @Test func bracesCommentsAndTabs() throws {
    #expect(try render("# a comment\n{{bill}} = {bill}\n#\n") == "{bill} = 00000042\n")
    #expect(try render("a\tb") == "a       b\n")
    #expect(try render("\u{FEFF}x {bill}\r\ny\r\n") == "x 00000042\ny\n")
    #expect(try render("#5 and #M and # M") == "#5 and #M and # M\n")
  }

  @Test func layoutSectionsPickTheWidth() throws {
    let template = try ReceiptTemplate.parse(
      "@layout 80\nwide {bill}\n\n@layout 40\nnarrow {bill}\n", file: "t")
    #expect(template.render(Fixtures.sale(), width: .thermal) == "narrow 00000042\n")
    #expect(template.render(Fixtures.sale(), width: .dotMatrix) == "wide 00000042\n")
    let onlyWide = try ReceiptTemplate.parse("@layout 80\nwide\n", file: "t")
    #expect(onlyWide.render(Fixtures.sale(), width: .thermal) == "wide\n")
  }

  @Test(arguments: [
    ("line one\n{acount}\n", 2, "{acount}"),
    ("# c\n\n#MUserName\n", 3, "#MUserName"),
    ("{bill:>x}", 1, "{bill:>x}"),
    ("ok\n{bill", 2, "unclosed"),
    ("{}", 1, "empty placeholder"),
    ("@layout 80\na\n@layout wide\n", 3, "@layout wide"),
    ("@layout 40\na\n@layout 40\nb\n", 3, "a second @layout 40"),
    ("text\n@layout 40\na\n", 1, "before the first @layout"),
  ])
  func badTemplatesNameFileAndLine(text: String, line: Int, fragment: String) {
    #expect {
      _ = try ReceiptTemplate.parse(text, file: "site/receipt.txt")
    } throws: { error in
      guard let error = error as? TemplateError else { return false }
      return error.file == "site/receipt.txt" && error.line == line && error.message.contains(fragment)
        && error.description.hasPrefix("site/receipt.txt:\(line): ")
    }
  }

  @Test func emptyOrUnreadableTemplatesFail() {
    #expect(throws: TemplateError.self) { try ReceiptTemplate.parse("# only comments\n\n", file: "t") }
    #expect(
      throws: TemplateError(
        file: "/nonexistent/receipt.txt", line: 0, message: "cannot read the template file")
    ) {
      try ReceiptTemplate.load(path: "/nonexistent/receipt.txt")
    }
  }
}

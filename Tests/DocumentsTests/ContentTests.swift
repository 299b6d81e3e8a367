import Documents
import Domain
import Foundation
import Testing
import TextWidth

@Suite struct ContentTests {
  @Test(arguments: ReceiptWidth.allCases)
  func saleShowsAmountAndCapitals(width: ReceiptWidth) {
    let text = ReceiptTemplate.builtIn.render(Fixtures.sale(), width: width)
    #expect(text.contains("1,234.50"))
    #expect(text.contains("壹仟贰佰叁拾肆元伍角"))
    #expect(text.contains("00000042"))
    #expect(text.contains("202421000874"))
    #expect(text.contains("2025-03-14 09:26:53"))
    #expect(text.contains("售电") && text.contains("微信"))
    #expect(!text.contains("\u{0C}"))
  }

  @Test(arguments: ReceiptWidth.allCases)
  func refundPrintsNegative(width: ReceiptWidth) {
    let text = ReceiptTemplate.builtIn.render(Fixtures.refund(), width: width)
    #expect(text.contains("-56.78"))
    #expect(text.contains("负伍拾陆元柒角捌分"))
    #expect(text.contains("退电") && text.contains("现金"))
  }

  @Test(arguments: ReceiptWidth.allCases)
  func reprintIsMarkedAtTheTop(width: ReceiptWidth) {
    let original = Fixtures.lines(ReceiptTemplate.builtIn.render(Fixtures.sale(), width: width))
    let reprint = Fixtures.lines(ReceiptTemplate.builtIn.render(Fixtures.sale(reprint: true), width: width))
    #expect(reprint[0].contains("重打") && reprint[0].contains("REPRINT"))
    // Centred: the mark with half the spare cells before it.
    let mark = reprint[0].trimmingCharacters(in: .whitespaces)
    #expect(reprint[0] == String(repeating: " ", count: (width.cells - DisplayWidth.of(mark)) / 2) + mark)
    #expect(Array(reprint.dropFirst()) == original)
    #expect(!original.joined().contains("重打"))
  }

  @Test func reprintMarkIsAddedToTemplatesWithoutOne() throws {
    let template = try ReceiptTemplate.parse("票号 {bill}\n金额 {amount}\n", file: "old.txt")
    let lines = Fixtures.lines(template.render(Fixtures.sale(reprint: true), width: .thermal))
    #expect(lines.count == 3)
    #expect(lines[0].contains("重打 REPRINT"))
    #expect(lines[1] == "票号 00000042")
  }

  @Test func triplicateHasThreeNamedCopies() {
    let text = ReceiptTemplate.builtIn.render(Fixtures.sale(), width: .dotMatrix, copies: 3)
    let copies = text.components(separatedBy: "\u{0C}")
    #expect(copies.count == 3)
    for (index, name) in ["第一联 存根联", "第二联 客户联", "第三联 记账联"].enumerated() {
      let lines = Fixtures.lines(copies[index])
      let label = lines.first { $0.contains("联") }
      #expect(label?.hasSuffix(name) == true, "copy \(index + 1): \(String(describing: label))")
      #expect(label.map { Fixtures.cellOffset(of: name, in: $0) } == 80 - 13)  // right-aligned
      #expect(copies[index].contains("1,234.50") && copies[index].contains("壹仟贰佰叁拾肆元伍角"))
      #expect(copies[index].hasSuffix("\n"))
    }
    let single = ReceiptTemplate.builtIn.render(Fixtures.sale(), width: .dotMatrix)
    #expect(copies[0].replacingOccurrences(of: "第一联 存根联", with: "").count > single.count)
  }

  @Test func missingOptionalValuesLeaveTheirLinesOut() throws {
    var data = Fixtures.sale()
    data.payee = nil
    data.purchaseCount = nil
    data.payMethod = nil
    let template = try ReceiptTemplate.parse("{bill}\n{payee}\n{count:>8}{pay}\n收款人: {payee}\n", file: "t")
    #expect(template.render(data, width: .thermal) == "00000042\n收款人:\n")
  }

  @Test func controlCharactersInValuesCannotReachThePrinter() throws {
    var data = Fixtures.sale()
    data.tenant = "坏\u{1B}@租户\n第二行\u{0C}"
    let text = try ReceiptTemplate.parse("{tenant}", file: "t").render(data, width: .thermal)
    #expect(text == "坏 @租户 第二行\n")
  }

  @Test func timeIsLocalToTheSite() throws {
    var data = Fixtures.sale()
    data.timeZone = TimeZone(identifier: "UTC") ?? .current
    let template = try ReceiptTemplate.parse("{datetime}|{date}|{time}", file: "t")
    #expect(template.render(data, width: .thermal) == "2025-03-14 01:26:53|2025-03-14|01:26:53\n")
  }
}

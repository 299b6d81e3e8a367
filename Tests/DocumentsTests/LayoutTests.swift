import Documents
import Domain
import Foundation
import Testing
import TextWidth

@Suite struct LayoutTests {
  @Test(arguments: ReceiptWidth.allCases)
  func everyLineFitsThePaper(width: ReceiptWidth) {
    let long = String(repeating: "预付电费备注很长的文字", count: 6) + " account-1234567890-abcdefghij"
    for data in [Fixtures.sale(), Fixtures.sale(reprint: true, remark: long), Fixtures.refund()] {
      let text = ReceiptTemplate.builtIn.render(data, width: width, copies: width == .dotMatrix ? 3 : 1)
      let lines = Fixtures.lines(text.replacingOccurrences(of: "\u{0C}", with: ""))
      #expect(lines.count > 10)
      for line in lines {
        #expect(DisplayWidth.of(line) <= width.rawValue, "too wide: \(line)")
        #expect(!line.hasSuffix(" "), "trailing space: \(line)")
      }
      // The long remark is wrapped, not lost.
      if !data.remark.isEmpty {
        #expect(
          lines.joined().replacingOccurrences(of: " ", with: "").contains("account-1234567890-abcdefghij"))
      }
    }
  }

  @Test func dotMatrixTableColumnsLineUp() throws {
    let lines = Fixtures.lines(ReceiptTemplate.builtIn.render(Fixtures.sale(), width: .dotMatrix))
    let header = try #require(lines.first { $0.hasPrefix("收费项目") })
    let row = try #require(lines.first { $0.hasPrefix("售电") })
    let headerBars = Fixtures.cellOffsets(of: "|", in: header)
    #expect(headerBars.count == 6)
    #expect(Fixtures.cellOffsets(of: "|", in: row) == headerBars)
    // 收费金额 is the sixth column: it starts after the fifth bar in both rows; the amount is
    // right-aligned under its heading.
    let amountColumn = headerBars[4] + 1
    let headingStart = try #require(Fixtures.cellOffset(of: "收费金额", in: header))
    let amountStart = try #require(Fixtures.cellOffset(of: "1,234.50", in: row))
    #expect(headingStart >= amountColumn && amountStart >= amountColumn)
    #expect(headingStart + DisplayWidth.of("收费金额") == headerBars[5])
    #expect(amountStart + DisplayWidth.of("1,234.50") == headerBars[5])
    #expect(row.contains("202421000874") && row.contains("B座 购物中心") && row.contains("微信"))
    #expect(row.contains("       7|"))
  }

  @Test func dotMatrixFollowsTheDefaultLayout() {
    let lines = Fixtures.lines(ReceiptTemplate.builtIn.render(Fixtures.sale(), width: .dotMatrix))
    #expect(lines[0].trimmingCharacters(in: .whitespaces) == "星河国际广场")
    #expect(lines[0].hasPrefix("       "))  // centred
    #expect(lines[1].trimmingCharacters(in: .whitespaces) == "预付电费收款票")
    #expect(lines.contains("用户编号: XH00003   开票日期: 2025-03-14 09:26:53   票号: 00000042"))
    #expect(lines.contains("户名: 上海星河物业管理有限公司   商铺: B1-消控室"))
    #expect(lines.contains("会计金额(大写): 壹仟贰佰叁拾肆元伍角   小写: 1,234.50"))
    #expect(lines.contains("操作员: 张三   收款人: 李四   开票单位: (盖章有效)"))
    #expect(lines.contains("备注: 请核对收款金额，并妥善保管发票，本次收款为预收电费，不作为凭证。"))
    #expect(lines.contains(String(repeating: "-", count: 80)))
    #expect(!lines.contains { $0.contains("REPRINT") || $0.contains("联") })
  }

  @Test func thermalStacksLabelsAndValues() {
    let lines = Fixtures.lines(ReceiptTemplate.builtIn.render(Fixtures.sale(), width: .thermal))
    #expect(lines.contains("票号:     00000042"))
    #expect(lines.contains("电表编号: 202421000874"))
    #expect(lines.contains("收费金额: 1,234.50"))
    #expect(lines.contains("大写:     壹仟贰佰叁拾肆元伍角"))
    #expect(lines.contains("户名:     上海星河物业管理有限公司"))
    #expect(lines.contains("购电次数: 7"))
    #expect(lines.contains(String(repeating: "-", count: 40)))
    #expect(!lines.contains { $0.contains("|") })
  }

  @Test func longValuesWrapUnderTheirPlaceholder() {
    var data = Fixtures.sale()
    data.tenant = "上海星河物业管理有限公司A座管理处"  // 33 cells after a 10-cell label
    let lines = Fixtures.lines(ReceiptTemplate.builtIn.render(data, width: .thermal))
    let index = lines.firstIndex { $0.hasPrefix("户名:") } ?? 0
    #expect(lines[index] == "户名:     上海星河物业管理有限公司A座管")
    #expect(lines[index + 1] == "          理处")
  }

  @Test func wrappingNeverSplitsACharacterOrAnAmount() throws {
    let cjk = try ReceiptTemplate.parse("A" + String(repeating: "电", count: 30), file: "t")
    #expect(
      cjk.render(Fixtures.sale(), width: .thermal)
        == "A" + String(repeating: "电", count: 19) + "\n" + String(repeating: "电", count: 11) + "\n")
    var data = Fixtures.sale()
    data.amount = Money(fen: 123_456_789)
    let amount = try ReceiptTemplate.parse("会计金额(大写): {capitals} 小写: {amount}", file: "t")
    let lines = Fixtures.lines(amount.render(data, width: .thermal))
    #expect(lines.contains { $0.hasSuffix("1,234,567.89") })
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 })
    // Closing punctuation does not start a line.
    let notice = try ReceiptTemplate.parse(String(repeating: "电", count: 20) + "，完", file: "t")
    #expect(
      notice.render(data, width: .thermal)
        == String(repeating: "电", count: 19) + "\n电，完\n")
  }
}

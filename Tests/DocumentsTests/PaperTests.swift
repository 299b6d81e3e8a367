import Documents
import Domain
import Foundation
import Testing
import TextWidth

@Suite struct PaperTests {
  @Test func papersMapToTheirWidthsAndCopies() {
    #expect(ReceiptPaper(rawValue: "58mm")?.width.cells == 32)
    #expect(ReceiptPaper(rawValue: "80mm")?.width.cells == 48)
    #expect(ReceiptPaper(rawValue: "dot-matrix")?.width.cells == 80)
    #expect(ReceiptPaper.allCases.map(\.copies) == [1, 1, 3])
    #expect(ReceiptWidth(rawValue: 32) == .narrow && ReceiptWidth(rawValue: 48) == .wide)
    #expect(ReceiptWidth.choices == "32, 40, 48 or 80")
  }

  @Test func narrowPaperUsesTheCompactLayout() {
    let lines = Fixtures.lines(ReceiptTemplate.builtIn.render(Fixtures.sale(), width: .narrow))
    #expect(lines.contains("票号:   00000042"))
    #expect(lines.contains("户名:   上海星河物业管理有限公司"))  // 32 cells exactly: not wrapped
    #expect(lines.contains("金额:   1,234.50"))
    #expect(lines.contains(String(repeating: "-", count: 32)))
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 32 })
  }

  @Test func widePaperUsesTheStackedLayout() {
    let lines = Fixtures.lines(ReceiptTemplate.builtIn.render(Fixtures.sale(), width: .wide))
    #expect(lines.contains("票号:     00000042"))
    #expect(lines.contains(String(repeating: "-", count: 48)))
  }

  @Test func copiesRenderApartAsTheyPrintTogether() {
    let data = Fixtures.refund()
    let copies = ReceiptTemplate.builtIn.renderCopies(data, width: .dotMatrix, copies: 3)
    #expect(copies.count == 3)
    #expect(
      copies.joined(separator: "\u{0C}") == ReceiptTemplate.builtIn.render(data, width: .dotMatrix, copies: 3)
    )
    #expect(zip(copies, ["存根联", "客户联", "记账联"]).allSatisfy { $0.contains($1) })
    #expect(data.amount.grouped.hasPrefix("-") && ChineseCapitals.amount(data.amount).hasPrefix("负"))
    #expect(
      copies.allSatisfy {
        $0.contains(data.amount.grouped) && $0.contains(ChineseCapitals.amount(data.amount))
      })
  }
}

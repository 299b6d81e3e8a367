import Documents
import Domain
import Foundation
import TestSupport
import Testing

@Suite struct SampleTemplateTests {
  private var samplePath: String { RepoPaths.sampleData.appendingPathComponent("receipt.txt").path }

  @Test func builtInSourceParses() throws {
    _ = try ReceiptTemplate.parse(ReceiptTemplate.builtInSource, file: "built-in")
  }

  @Test(arguments: ReceiptWidth.allCases)
  func shippedTemplateRendersLikeTheBuiltIn(width: ReceiptWidth) throws {
    let shipped = try ReceiptTemplate.load(path: samplePath)
    for data in [Fixtures.sale(), Fixtures.refund(), Fixtures.sale(reprint: true)] {
      let text = shipped.render(data, width: width, copies: 3)
      #expect(text == ReceiptTemplate.builtIn.render(data, width: width, copies: 3))
      #expect(text.contains(data.amount.grouped) && text.contains(ChineseCapitals.amount(data.amount)))
    }
  }

  @Test func editedCopyOfTheShippedTemplateIsUsed() throws {
    let directory = try TemporaryDirectory()
    let original = try String(contentsOfFile: samplePath, encoding: .utf8)
    let edited = original.replacingOccurrences(of: "预付电费收款票", with: "电费收据 {kind_en} {pay_en}")
    try edited.write(toFile: directory.path("receipt.txt"), atomically: true, encoding: .utf8)
    let text = try ReceiptTemplate.load(path: directory.path("receipt.txt"))
      .render(Fixtures.sale(), width: .dotMatrix)
    #expect(text.contains("电费收据 Sale WeChat"))
    #expect(!text.contains("预付电费收款票"))
  }

  @Test func loadReportsThePathOfABadFile() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("receipt.txt")
    try "票号 {bill}\n用户 {user}\n".write(toFile: path, atomically: true, encoding: .utf8)
    #expect(throws: TemplateError(file: path, line: 2, message: "unknown placeholder {user}")) {
      try ReceiptTemplate.load(path: path)
    }
  }
}

import Documents
import Foundation
import Printing
import TestSupport
import Testing

@Suite struct FilePrinterTests {
  @Test func jobsAreAppendedWithAFormFeedBetween() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("receipts.txt")
    let printer = FilePrinter(path: path)
    try printer.print(PrintFixtures.sale(), width: .thermal)
    try printer.print(PrintFixtures.sale(reprint: true), width: .thermal)

    let text = try String(contentsOfFile: path, encoding: .utf8)
    let jobs = text.components(separatedBy: "\u{0C}")
    #expect(jobs.count == 2)
    #expect(jobs[0] == ReceiptTemplate.builtIn.render(PrintFixtures.sale(), width: .thermal))
    #expect(!jobs[0].contains("重打") && jobs[1].contains("重打 REPRINT"))
    #expect(!text.contains("\r"))
  }

  @Test func gb18030FileWithCRLF() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("receipt.prn")
    try FilePrinter(path: path, encoding: .gb18030, lineEnding: .crlf).print("壹佰元整\n", title: "t")
    let bytes = try #require(FileManager.default.contents(atPath: path))
    #expect(Array(bytes) == [0xD2, 0xBC, 0xB0, 0xDB, 0xD4, 0xAA, 0xD5, 0xFB, 0x0D, 0x0A])
  }

  @Test func unwritablePathThrows() {
    #expect(throws: PrintError.self) {
      try FilePrinter(path: "/nonexistent-dir/receipts.txt").print("x\n", title: "t")
    }
  }
}

import Documents
import Domain
import Foundation
import Printing
import TestSupport
import Testing

/// Receipts printed through a real cupsd to a raw queue whose device is a byte-capturing listener.
@Suite struct CUPSPrintingTests {
  @Test func triplicateReachesThePrinterUnchanged() throws {
    let listener = try ByteListener()
    defer { listener.stop() }
    let cups = try PrivateCUPS()
    defer { cups.stop() }
    try cups.addRawQueue("meterdesk-test", device: "socket://127.0.0.1:\(listener.port)")

    let receipt = PrintFixtures.sale()
    try CUPSPrinter(queue: "meterdesk-test", server: cups.server).print(receipt, width: .dotMatrix, copies: 3)

    let jobs = try #require(listener.finishedConnections(1), "no job arrived; cupsd log:\n\(cups.errorLog)")
    let text = try #require(String(bytes: jobs[0], encoding: .utf8))
    #expect(text.contains("票号: 00000042"))
    #expect(text.contains("202421000874"))
    #expect(text.contains("1,234.50"))
    #expect(text.contains("壹仟贰佰叁拾肆元伍角"))
    #expect(text.components(separatedBy: "\u{0C}").count == 3)
    let rendered = ReceiptTemplate.builtIn.render(receipt, width: .dotMatrix, copies: 3)
    #expect(text == PrintFixtures.crlf(rendered))  // raw: not a byte added or changed by CUPS
  }

  @Test func gb18030JobDecodesToTheSameText() throws {
    let listener = try ByteListener()
    defer { listener.stop() }
    let cups = try PrivateCUPS()
    defer { cups.stop() }
    try cups.addRawQueue("meterdesk-gb", device: "socket://127.0.0.1:\(listener.port)")

    let receipt = PrintFixtures.sale(amount: .yuan(100), reprint: true)
    let printer = CUPSPrinter(queue: "meterdesk-gb", server: cups.server, encoding: .gb18030)
    try printer.print(receipt, width: .thermal)

    let jobs = try #require(listener.finishedConnections(1), "no job arrived; cupsd log:\n\(cups.errorLog)")
    let bytes = jobs[0]
    #expect(String(bytes: bytes, encoding: .utf8) == nil)  // really GB18030, not UTF-8
    // 壹佰元整 in GB18030, as `iconv -t GB18030` writes it.
    #expect(Data(bytes).range(of: Data([0xD2, 0xBC, 0xB0, 0xDB, 0xD4, 0xAA, 0xD5, 0xFB])) != nil)
    let text = try PrintEncoding.gb18030.decode(bytes)
    #expect(text == PrintFixtures.crlf(ReceiptTemplate.builtIn.render(receipt, width: .thermal)))
    #expect(text.contains("壹佰元整") && text.contains("00000042") && text.contains("100.00"))
    #expect(text.hasPrefix(String(repeating: " ", count: 10) + "*** 重打 REPRINT ***"))
  }

  @Test func failedJobCanBeSentAgain() throws {
    let listener = try ByteListener()
    defer { listener.stop() }
    let cups = try PrivateCUPS()
    defer { cups.stop() }
    try cups.addRawQueue("meterdesk-retry", device: "socket://127.0.0.1:\(listener.port)")
    let printer = CUPSPrinter(queue: "meterdesk-retry", server: cups.server)
    let document = ReceiptTemplate.builtIn.render(PrintFixtures.sale(), width: .thermal)

    #expect(try cups.run("cupsreject", ["meterdesk-retry"]).status == 0)
    #expect {
      try printer.print(document, title: "receipt 00000042")
    } throws: { error in
      (error as? PrintError)?.message.contains("not accepting jobs") == true
    }
    #expect(try cups.run("cupsaccept", ["meterdesk-retry"]).status == 0)
    try printer.print(document, title: "receipt 00000042")  // the same document, nothing sold again

    let jobs = try #require(listener.finishedConnections(1), "no job arrived; cupsd log:\n\(cups.errorLog)")
    #expect(String(bytes: jobs[0], encoding: .utf8) == PrintFixtures.crlf(document))
    Thread.sleep(forTimeInterval: 0.3)
    #expect(listener.connectionCount == 1)
  }
}

import Foundation
import TestSupport
import Testing

/// The console's printed receipt (the demo has no queue, so it lands in receipts.txt beside the
/// database) is the text `meterdesk receipt --original --out` writes for the same bill.
@Suite("Console and CLI receipts in tmux", .serialized)
struct ReceiptConsoleCLITmuxTests {
  @Test("a sale from the console window: receipts.txt == meterdesk receipt --bill N --original --out")
  func consoleReceiptIsTheCLIReceipt() throws {
    let directory = try TemporaryDirectory()
    let session = try TmuxSession.demo(data: directory.path("demo"))
    #expect(session.logIn("cashier", "cashier"))
    #expect(session.waitFor("Total 324").found)
    #expect(session.openSaleWindow(search: "A-0809", meter: "202411006167"), "\(session.capture())")
    session.type("100")
    session.send("Tab")
    session.type("1")
    session.send("Enter")
    #expect(session.waitFor("Confirm sale", timeout: 5).found)
    session.send("y")
    let printed = session.waitFor("Receipt printed", timeout: 25)
    #expect(printed.found, "\(printed.screen)")
    session.send("Escape")
    session.send("F10")
    _ = session.waitFor("EXITED:", timeout: 15)

    let console = try String(contentsOfFile: directory.path("demo/receipts.txt"), encoding: .utf8)
    let bill = try #require(billNumber(in: console), "no 票号 in:\n\(console)")
    let out = directory.path("cli.txt")
    let cli = try CommandRunner.meterdesk(
      ["receipt", "--db", directory.path("demo/meterdesk.db"), "--bill", bill, "--original", "--out", out])
    #expect(cli.status == 0, "\(cli.stderr)")
    let text = try String(contentsOfFile: out, encoding: .utf8)
    #expect(text == console, "console:\n\(console)\ncli:\n\(text)")
    #expect(console.contains("壹佰元整") && console.contains("现金") && console.contains("202411006167"))
  }

  /// The bill number printed after 票号 on the first receipt.
  private func billNumber(in text: String) -> String? {
    guard let range = text.range(of: "票号: ") else { return nil }
    return String(text[range.upperBound...].prefix { $0.isNumber })
  }
}

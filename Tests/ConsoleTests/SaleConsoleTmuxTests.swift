import Foundation
import TestSupport
import Testing

/// A cashier sells in tmux on the demo: search a shop, open its detail, F2, type the amount and
/// watch the capitals, cash, confirm, and see the meter take it with its new balance.
@Suite("Sale window in tmux", .serialized)
struct SaleConsoleTmuxTests {
  @Test("demo: cashier → search → detail → F2 → 100 (壹佰元整) → cash → confirm → delivered → receipt")
  func cashierSale() throws {
    let directory = try TemporaryDirectory()
    let session = try TmuxSession.demo(data: directory.path("demo"))
    #expect(session.logIn("cashier", "cashier"))
    #expect(session.waitFor("Total 324").found)

    session.send("/")
    session.type("A-0809")
    session.send("Enter")
    #expect(session.waitFor("1 matches").found)
    session.send("Enter")
    #expect(session.waitFor("Meter detail").found)
    session.send("F2")
    let window = session.waitFor("In capitals")
    #expect(window.found, "no sale window:\n\(window.screen)")
    #expect(window.screen.contains("202411006167"))
    // The meter's remaining amount must be known (first sweep) before the services sell to it.
    let read = waitForLine(session, containing: "202411006167", with: "¥", timeout: 30)
    #expect(read, "the meter was never read:\n\(session.capture())")

    session.type("1")
    #expect(session.waitFor("壹元整", timeout: 5).found, "capitals as typed")
    session.type("00")
    #expect(session.waitFor("壹佰元整", timeout: 5).found, "capitals as typed")
    session.send("Tab")
    session.type("1")
    #expect(session.waitFor("(•) 1 Cash", timeout: 5).found)
    session.send("Enter")
    let confirm = session.waitFor("Confirm sale", timeout: 5)
    #expect(confirm.found && confirm.screen.contains("Sell ¥100.00 (壹佰元整) to meter 202411006167"))
    session.send("y")

    let delivered = session.waitFor("Delivered; the meter now holds ¥", timeout: 15)
    #expect(delivered.found, "no delivery:\n\(delivered.screen)")
    #expect(delivered.screen.contains("Bill "))
    let printed = session.waitFor("Receipt printed", timeout: 10)
    #expect(printed.found, "\(printed.screen)")
    let receipts = (try? String(contentsOfFile: directory.path("demo/receipts.txt"), encoding: .utf8)) ?? ""
    #expect(receipts.contains("壹佰元整") && receipts.contains("202411006167"), "receipt file:\n\(receipts)")

    session.send("Escape")
    #expect(session.waitFor("Meter detail", timeout: 5).found, "Esc goes back to the detail")
    session.send("F10")
    let exited = session.waitFor("EXITED:", timeout: 15)
    #expect(exited.screen.contains("EXITED:0"), "\(exited.screen)")
  }

  private func waitForLine(
    _ session: TmuxSession, containing key: String, with text: String, timeout: TimeInterval
  )
    -> Bool
  {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      let line = session.capture().split(separator: "\n").first { $0.contains(key) } ?? ""
      if line.contains(text) { return true }
      Thread.sleep(forTimeInterval: 0.2)
    }
    return false
  }
}

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

    // The meter's remaining amount must be known (first sweep) before the services sell to it.
    #expect(session.openSaleWindow(search: "A-0809", meter: "202411006167"), "\(session.capture())")

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
}

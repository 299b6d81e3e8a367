import Foundation
import TestSupport
import Testing

/// The console acquires (the demo); a second terminal sells with the CLI. The console's delivery
/// coordinator, woken by the sale's doorbell, delivers it.
@Suite("Console acquiring, CLI selling", .serialized)
struct HolderConsoleTmuxTests {
  @Test("demo console holds the lease; meterdesk sell from a second process is delivered at once")
  func cliSaleDeliveredByConsole() throws {
    let directory = try TemporaryDirectory()
    let session = try TmuxSession.demo(data: directory.path("demo"))
    #expect(session.logIn("cashier", "cashier"))
    #expect(session.waitFor("Total 324").found)

    let db = directory.path("demo/meterdesk.db")
    let started = Date()
    let sale = try CommandRunner.meterdesk(
      [
        "sell", "--db", db, "--meter", "202411006141", "--amount", "50", "--pay", "cash", "--operator",
        "cashier", "--password-stdin", "--wait", "20", "--json",
      ], stdin: "cashier\n")
    #expect(sale.status == 0, "\(sale.stdout) \(sale.stderr)")
    #expect(sale.stdout.contains("\"status\":\"delivered\""), "\(sale.stdout)")
    #expect(Date().timeIntervalSince(started) < 20)
    let outbox = try CommandRunner.meterdesk(["outbox", "--db", db, "--json"])
    #expect(outbox.stdout.contains("\"entries\":[]"), "nothing left undelivered: \(outbox.stdout)")

    session.send("F10")
    let exited = session.waitFor("EXITED:", timeout: 15)
    #expect(exited.screen.contains("EXITED:0"), "\(exited.screen)")
  }
}

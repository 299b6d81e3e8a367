import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `serve` acquires; a console on the same database is a viewer. A cashier's sale in the viewer's
/// sale window is recorded there and delivered by serve, and the viewer shows it delivered.
@Suite("Viewer console in tmux with serve acquiring", .serialized)
struct ViewerConsoleTmuxTests {
  @Test("viewer console: F2 sale recorded in the viewer, delivered by serve, shown delivered")
  func viewerSaleDeliveredByServe() async throws {
    try await CLISite.with { site in
      let serve = try site.startServe()
      defer { serve.kill(SIGTERM) }
      let meter = CLISite.meters[0]
      let before = try site.snapshot(meter)
      let session = try TmuxSession.meterdesk("console --db \(site.db)")
      #expect(session.logIn("li", "li-pass"), "\(session.capture())")
      #expect(session.waitFor("Total 4").found, "\(session.capture())")
      session.send("/")
      session.type(meter)
      session.send("Enter")
      #expect(session.waitFor("1 matches").found)
      session.send("Enter")
      #expect(session.waitFor("Meter detail").found)
      session.send("F2")
      #expect(session.waitFor("In capitals").found, "no sale window:\n\(session.capture())")
      session.type("12")
      session.send("Tab")
      session.type("1")
      session.send("Enter")
      #expect(session.waitFor("Confirm sale", timeout: 5).found, "\(session.capture())")
      session.send("y")
      let delivered = session.waitFor("Delivered; the meter now holds ¥", timeout: 20)
      #expect(delivered.found, "not shown delivered in the viewer:\n\(delivered.screen)")
      #expect(try site.snapshot(meter).purchaseCount == before.purchaseCount + 1, "serve delivered it")
      session.send("Escape")
      session.send("Escape")
      session.send("F10")
      let exited = session.waitFor("EXITED:", timeout: 15)
      #expect(exited.screen.contains("EXITED:0"), "a viewer quits without asking: \(exited.screen)")
    }
  }
}

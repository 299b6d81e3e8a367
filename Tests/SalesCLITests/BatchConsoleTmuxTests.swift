import Foundation
import GRDB
import Services
import TestSupport
import Testing

@testable import Store

/// F6 in tmux: an electrician tags three meters and trips them with a supervisor's approval;
/// a meter that ignores writes fails by read-back; once healed, `f` retries the failed.
@Suite("Batch operations (F6) in tmux", .serialized)
struct BatchConsoleTmuxTests {
  @Test("tag 3 meters, trip with approval, results, retry the failed")
  func tripWithApprovalAndRetry() async throws {
    try await CLISite.with { site in
      try OperatorService(database: site.database, iterations: 1000)
        .add(name: "zhang", role: "electrician", password: "zhang-pass", by: "test", at: Date())
      let stubborn = CLISite.meters[1]
      try site.running.setFaults("[meter.\"\(stubborn)\"]\nignore_writes = true")
      let session = try TmuxSession.meterdesk("console --db \(site.db)")
      #expect(session.logIn("zhang", "zhang-pass"), "\(session.capture())")
      #expect(session.waitFor("Total 4").found)
      session.send("Space")
      session.send("Space")
      session.send("Space")
      session.send("F6")
      #expect(session.waitFor("Batch operations").found, "\(session.capture())")
      session.type("5")
      session.send("Enter")
      let preview = session.waitFor("Preview · Trip · 3 tagged meters", timeout: 10)
      #expect(preview.found, "the tagged meters are the target:\n\(preview.screen)")
      #expect(preview.screen.contains("A supervisor must approve"))
      session.type("y")
      #expect(session.waitFor("Run the batch operation", timeout: 5).found, "\(session.capture())")
      session.type("y")
      #expect(session.waitFor("Supervisor approval", timeout: 5).found, "\(session.capture())")
      session.type("wang")
      session.send("Tab")
      session.type("wang-pass")
      session.send("Enter")
      let results = session.waitFor("failed 1", timeout: 20)
      #expect(results.found, "one meter fails by read-back:\n\(results.screen)")
      #expect(results.screen.contains("read-back mismatch"), "\(results.screen)")
      let job = try #require(try site.database.batchJobs().first)
      #expect(job.approvedBy == "wang" && job.createdBy == "zhang")

      #expect(session.waitFor("Every meter was tried", timeout: 20).found, "\(session.capture())")
      try site.running.setFaults("")
      session.type("f")
      let deadline = Date().addingTimeInterval(20)
      while Date() < deadline,
        try site.database.batchItems(job: job.id ?? 0).contains(where: { $0.state != .done })
      {
        try await Task.sleep(for: .milliseconds(200))
      }
      let items = try site.database.batchItems(job: job.id ?? 0)
      #expect(
        items.count == 3 && items.allSatisfy { $0.state == .done }, "\(items.map { ($0.meter, $0.state) })")
      for meter in CLISite.meters {
        #expect(try site.snapshot(meter).relayClosed == false, "\(meter) tripped")
      }
      #expect(session.waitFor("Done 3", timeout: 10).found, "\(session.capture())")
      session.send("Escape")
      session.send("F10")
      let exited = session.waitFor("EXITED:", timeout: 15)
      #expect(exited.screen.contains("EXITED:0"), "\(exited.screen)")
    }
  }
}

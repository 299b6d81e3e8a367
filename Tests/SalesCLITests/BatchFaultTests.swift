import Foundation
import GRDB
import TestSupport
import Testing

@testable import Store

#if canImport(Glibc)
  import Glibc
#endif

/// Batch jobs against meters that lie, refuse or die mid-way.
@Suite("meterdesk batch with faults: read-back catches, jobs resume", .serialized)
struct BatchFaultTests {
  @Test("a meter that acknowledges but does not apply fails by read-back; an exception names its code")
  func writeFaults() async throws {
    try await CLISite.with { site in
      let (quiet, refusing, healthy) = (CLISite.meters[0], CLISite.meters[1], CLISite.meters[2])
      // New alarm amounts in the database, so the meters must change to match them.
      try await site.database.writer.write { db in
        try db.execute(sql: "UPDATE meter SET alarm1Fen = 12345, alarm2Fen = 2345")
      }
      try site.running.setFaults(
        """
        [meter."\(quiet)"]
        ignore_writes = true
        [meter."\(refusing)"]
        write_exception = 3
        """)
      let job = try BatchCLITests.batch(
        site, "settings", ["--meters", [quiet, refusing, healthy].joined(separator: ","), "--wait", "20"])
      #expect(job.status == 5, "a failed meter exits 5: \(job.stdout) \(job.stderr)")
      let rows = try #require(try CLISite.object(job.stdout)["results"] as? [[String: Any]])
      let byMeter = Dictionary(
        uniqueKeysWithValues: rows.compactMap { row in
          (row["meter"] as? String).map { ($0, row) }
        })
      #expect(byMeter[quiet]?["status"] as? String == "failed")
      #expect((byMeter[quiet]?["reason"] as? String)?.contains("read-back mismatch") == true, "\(rows)")
      #expect(byMeter[refusing]?["status"] as? String == "failed")
      #expect((byMeter[refusing]?["reason"] as? String)?.contains("exception 3") == true, "\(rows)")
      #expect(byMeter[healthy]?["status"] as? String == "done")
      #expect((try site.database.meterStates()[quiet]?.settingsDrift ?? "").isEmpty == false, "drift flagged")
      let drifting = try site.run(["meters", "--db", site.db, "--drift", "--json"])
      let listed = try #require(try CLISite.object(drifting.stdout)["meters"] as? [[String: Any]])
      #expect(listed.map { $0["meter"] as? String } == [quiet], "\(drifting.stdout)")

      // Healed, `batch retry` queues only the failed meters; they are then done.
      try site.running.setFaults("")
      let retry = try site.run(
        [
          "batch", "retry", "--db", site.db, "--job", "1", "--operator", "wang", "--password-stdin", "--wait",
          "20",
          "--json",
        ], stdin: "wang-pass\n")
      #expect(retry.status == 0, "\(retry.stdout) \(retry.stderr)")
      let after = try #require(try CLISite.object(retry.stdout)["results"] as? [[String: Any]])
      #expect(after.allSatisfy { $0["status"] as? String == "done" }, "\(after)")
      #expect(try site.database.meterStates()[quiet]?.settingsDrift == "")
    }
  }

  @Test("serve killed with SIGKILL mid-job: the job resumes and no verified meter is written again")
  func resumesAfterCrash() async throws {
    try await CLISite.with { site in
      // Slow meters, so the job is still running when serve dies.
      try site.running.setFaults(
        CLISite.meters.map { "[meter.\"\($0)\"]\nslow_ms = 150" }.joined(separator: "\n"))
      var serve = try site.startServe()
      defer { serve.kill(SIGTERM) }
      let job = try BatchCLITests.batch(site, "price", ["--all"])
      #expect(job.status == 0, "\(job.stderr)")
      let deadline = Date().addingTimeInterval(20)
      var done: [String] = []
      while Date() < deadline {
        done = try site.database.batchItems(job: 1).filter { $0.state == .done }.map(\.meter)
        if !done.isEmpty { break }
        try await Task.sleep(for: .milliseconds(20))
      }
      serve.kill(SIGKILL)
      let doneBefore = try site.database.batchItems(job: 1).filter { $0.state == .done }
      #expect(!doneBefore.isEmpty && doneBefore.count < 4, "killed mid-job: \(doneBefore.map(\.meter))")
      let attemptsBefore = Dictionary(uniqueKeysWithValues: doneBefore.map { ($0.meter, $0.attempts) })

      serve = try site.startServe()
      let finish = Date().addingTimeInterval(30)
      while Date() < finish, try site.database.batchJob(id: 1)?.state != .finished {
        try await Task.sleep(for: .milliseconds(100))
      }
      let items = try site.database.batchItems(job: 1)
      #expect(items.allSatisfy { $0.state == .done }, "\(items.map { ($0.meter, $0.state, $0.reason) })")
      for item in items where attemptsBefore[item.meter] != nil {
        #expect(item.attempts == attemptsBefore[item.meter], "meter \(item.meter) was written again")
      }
      let audit = try await site.database.writer.read { db in
        try String.fetchAll(db, sql: "SELECT detail FROM auditLog WHERE action = 'batch.price.done'")
      }
      #expect(audit.count == 4, "one verified write per meter: \(audit)")
    }
  }

  @Test("a price the meter cannot hold exactly is refused before anything is written")
  func unrepresentablePrice() async throws {
    try await CLISite.with { site in
      let meter = CLISite.meters[0]
      let before = try BatchCLITests.pymodbus(site, unit: 1, address: 0x0059, count: 8)
      try await site.database.writer.write { db in
        try db.execute(
          sql: "INSERT INTO tariff (name, spec) VALUES ('odd', ?)",
          arguments: [#"{"kind":"single","price":"0.6170"}"#])
        try db.execute(sql: "UPDATE meter SET tariff = 'odd' WHERE number = ?", arguments: [meter])
      }
      let job = try BatchCLITests.batch(site, "price", ["--meters", meter, "--wait", "20"])
      #expect(job.status == 5, "\(job.stdout) \(job.stderr)")
      let rows = try #require(try CLISite.object(job.stdout)["results"] as? [[String: Any]])
      #expect((rows.first?["reason"] as? String)?.contains("cannot be held exactly") == true, "\(rows)")
      #expect(
        try BatchCLITests.pymodbus(site, unit: 1, address: 0x0059, count: 8) == before, "nothing written")
    }
  }
}

import Foundation
import GRDB
import Services
import TestSupport
import Testing

@testable import Store

#if canImport(Glibc)
  import Glibc
#endif

/// Sales recorded by one process and delivered by the one that acquires (`serve`), read-before-sell
/// through the lease holder, and a conflict settled at the undelivered-sales desk.
@Suite("One site runtime: whoever acquires delivers every sale", .serialized)
struct SiteRuntimeCLITests {
  @Test("a CLI sale while serve acquires is delivered by serve; the CLI never takes the lease")
  func serveDeliversAnotherProcessSale() async throws {
    try await CLISite.with { site in
      let serve = try site.startServe()
      defer { serve.kill(SIGTERM) }
      let meter = CLISite.meters[0]
      let before = try site.snapshot(meter)
      let result = try site.sell(meter, "50.00", ["--wait", "20", "--json"])
      #expect(result.status == 0, "\(result.stderr)")
      let object = try CLISite.object(result.stdout)
      #expect(object["status"] as? String == "delivered", "\(object)")
      #expect(try site.snapshot(meter).purchaseCount == before.purchaseCount + 1)
      #expect(AcquisitionLease.holder(database: site.db)?.contains("serve") == true, "serve kept the lease")
    }
  }

  @Test("sell one second after serve starts, to a meter never read: read first, then delivered")
  func sellRightAfterServeStarts() async throws {
    try await CLISite.with { site in
      try await site.database.writer.write { db in try db.execute(sql: "DELETE FROM meterState") }
      let serve = ServeProcess(db: site.db, log: site.directory.path("serve.log"))
      defer { serve.kill(SIGTERM) }
      try serve.start()
      try await Task.sleep(for: .seconds(1))
      let meter = CLISite.meters[1]
      let result = try site.sell(meter, "20.00", ["--wait", "20", "--json"])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(try CLISite.object(result.stdout)["status"] as? String == "delivered")
    }
  }

  @Test("a stale reading is refreshed through the lease holder's read requests before the sale")
  func readRequestThroughServe() async throws {
    try await CLISite.with { site in
      let serve = try site.startServe()
      defer { serve.kill(SIGTERM) }
      let meter = CLISite.meters[2]
      // Make the stored reading older than the site's read-before-sale age (900 s).
      try await site.database.writer.write { db in
        try db.execute(
          sql: "UPDATE meterState SET readAt = ? WHERE meter = ?",
          arguments: [Date().addingTimeInterval(-3600), meter])
      }
      let result = try site.sell(meter, "10.00", ["--wait", "20", "--json"])
      #expect(result.status == 0, "\(result.stderr)")
      let requests = try await site.database.writer.read { db in
        try ReadRequestRecord.filter(sql: "meter = ?", arguments: [meter]).fetchAll(db)
      }
      #expect(requests.count == 1 && requests.first?.state == .done, "\(requests)")
      let readAt = try #require(try site.database.meterStates()[meter]?.readAt)
      #expect(Date().timeIntervalSince(readAt) < 60, "the meter was read again before the sale")
    }
  }

  @Test("a sale queued while nobody acquires is delivered once serve starts")
  func queuedBeforeServeStarts() async throws {
    try await CLISite.with { site in
      let meter = CLISite.meters[0]
      let queued = try site.sell(meter, "30.00", ["--json"])
      #expect(queued.status == 0, "\(queued.stderr)")
      let bill = try #require(try CLISite.object(queued.stdout)["bill"] as? String)
      #expect(try CLISite.object(queued.stdout)["status"] as? String == "queued")
      let serve = ServeProcess(db: site.db, log: site.directory.path("serve.log"))
      defer { serve.kill(SIGTERM) }
      try serve.start()
      let deadline = Date().addingTimeInterval(20)
      var status = ""
      while Date() < deadline {
        status = try SalesService(database: site.database).sale(bill: Int64(bill) ?? 0)?.status.rawValue ?? ""
        if status == "delivered" { break }
        try await Task.sleep(for: .milliseconds(200))
      }
      #expect(status == "delivered")
    }
  }

  @Test("a conflict shows at the desk; landed is refused by a fresh read; void gives the money back")
  func conflictResolvedFromTheDesk() async throws {
    try await CLISite.with { site in
      let meter = CLISite.meters[1]
      let before = try site.snapshot(meter)
      // A stale database (e.g. restored from an old backup) believes the meter's count is higher.
      try await site.database.writer.write { db in
        try db.execute(
          sql: "UPDATE meterState SET purchaseCount = purchaseCount + 5 WHERE meter = ?", arguments: [meter])
      }
      let sold = try site.sell(meter, "40.00", ["--wait", "10", "--json"])
      #expect(sold.status == 5, "conflict exits 5: \(sold.stdout) \(sold.stderr)")
      let bill = try #require(try CLISite.object(sold.stdout)["bill"] as? String)
      #expect(try CLISite.object(sold.stdout)["status"] as? String == "conflict")
      #expect(try site.snapshot(meter).remainingFen <= before.remainingFen, "nothing was credited")

      let desk = try site.run(["outbox", "--db", site.db, "--json"])
      #expect(desk.status == 0, "\(desk.stderr)")
      let entries = try #require(try CLISite.object(desk.stdout)["entries"] as? [[String: Any]])
      #expect(entries.count == 1)
      #expect(entries.first?["bill"] as? String == bill && entries.first?["state"] as? String == "conflict")
      #expect(entries.first?["amount"] as? String == "40.00")
      #expect((entries.first?["last_error"] as? String)?.contains("purchase count") == true)

      let resolve = ["outbox", "resolve", "--db", site.db, "--bill", bill, "--operator"]
      let cashier = try site.run(
        resolve + ["li", "--password-stdin", "--as", "void", "--read"], stdin: "li-pass\n")
      #expect(cashier.status != 0 && cashier.stderr.contains("supervisor"), "\(cashier.stderr)")
      let landed = try site.run(
        resolve + ["wang", "--password-stdin", "--as", "landed", "--read"], stdin: "wang-pass\n")
      #expect(landed.status != 0 && landed.stderr.contains("does not show this entry"), "\(landed.stderr)")
      let void = try site.run(
        resolve + ["wang", "--password-stdin", "--as", "void", "--read", "--json"], stdin: "wang-pass\n")
      #expect(void.status == 0, "\(void.stderr)")
      #expect(try CLISite.object(void.stdout)["status"] as? String == "void")

      let rows = try site.database.saleRows(meter: meter)
      let reversal = try #require(rows.last)
      #expect(reversal.entry.kind == .reversal && reversal.entry.amountFen == -4000)
      #expect(reversal.entry.reversesBill == Int64(bill) && reversal.outbox == nil)
      let after = try site.run(["outbox", "--db", site.db, "--json"])
      #expect((try CLISite.object(after.stdout)["entries"] as? [[String: Any]])?.isEmpty == true)
      let audit = try await site.database.writer.read { db in
        try String.fetchAll(db, sql: "SELECT action FROM auditLog WHERE action LIKE 'outbox.%'")
      }
      #expect(audit == ["outbox.void"])
      // The next sale counts from the meter's real purchase count again and lands.
      let next = try site.sell(meter, "5.00", ["--wait", "10", "--json"])
      #expect(next.status == 0, "\(next.stdout) \(next.stderr)")
      #expect(try site.snapshot(meter).purchaseCount == before.purchaseCount + 1)
    }
  }

  /// Waits until `holder` holds the acquisition lease of `db`.
  static func waitForLease(_ db: String, holder: String) throws {
    let deadline = Date().addingTimeInterval(15)
    while Date() < deadline {
      if AcquisitionLease.holder(database: db)?.contains(holder) == true { return }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw CLISiteError("\(holder) never took the lease of \(db)")
  }
}

extension CLISite {
  /// `meterdesk serve` on this site, once it holds the acquisition lease.
  func startServe() throws -> ServeProcess {
    let serve = ServeProcess(db: db, log: directory.path("serve.log"))
    try serve.start()
    try SiteRuntimeCLITests.waitForLease(db, holder: "serve")
    return serve
  }
}

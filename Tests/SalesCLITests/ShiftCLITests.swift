import Domain
import Foundation
import Services
import Store
import TestSupport
import Testing

/// A cashier's shift from log-in to hand-over (交班) to the supervisor's review, through `meterdesk`.
@Suite("meterdesk shift: log-in to hand-over to review", .serialized)
struct ShiftCLITests {
  /// A sale by li paid by `pay`, waited for; its bill.
  static func sell(_ site: CLISite, _ meter: String, _ amount: String, _ pay: String) throws -> String {
    let result = try site.run(
      [
        "sell", "--db", site.db, "--meter", meter, "--amount", amount, "--pay", pay, "--operator", "li",
        "--password-stdin", "--wait", "10", "--json",
      ], stdin: "li-pass\n")
    #expect(result.status == 0, "\(result.stderr)")
    return try #require(try CLISite.object(result.stdout)["bill"] as? String)
  }

  @Test("show, close short with a printed slip, review, a new shift after it, and bad --counted refused")
  func shiftFromLogInToReview() async throws {
    let listener = try ByteListener()
    defer { listener.stop() }
    let cups = try PrivateCUPS()
    defer { cups.stop() }
    try cups.addRawQueue("desk", device: "socket://127.0.0.1:\(listener.port)")
    try await CLISite.with { site in
      // li's shift: 100.00 cash, 50.00 WeChat, 30.00 cash reversed (cash back), a 5.00 refund (cash out).
      _ = try Self.sell(site, CLISite.meters[0], "100.00", "cash")
      _ = try Self.sell(site, CLISite.meters[1], "50.00", "wechat")
      let reversed = try Self.sell(site, CLISite.meters[2], "30.00", "cash")
      let reverse = try site.run(
        [
          "reverse", "--db", site.db, "--bill", reversed, "--operator", "li", "--password-stdin",
          "--approver", "wang", "--approver-password-stdin", "--wait", "10", "--json",
        ], stdin: "li-pass\nwang-pass\n")
      #expect(reverse.status == 0, "\(reverse.stderr)")
      let refund = try site.run(
        [
          "refund", "--db", site.db, "--meter", CLISite.meters[0], "--amount", "5.00", "--operator", "li",
          "--password-stdin", "--approver", "wang", "--approver-password-stdin", "--wait", "10", "--json",
        ], stdin: "li-pass\nwang-pass\n")
      #expect(refund.status == 0, "\(refund.stderr)")

      let show = try site.run(["shift", "show", "--db", site.db, "--operator", "li", "--json"])
      #expect(show.status == 0, "\(show.stderr)")
      let preview = try CLISite.object(show.stdout)
      #expect(preview["bills"] as? Int == 3)
      #expect(preview["sales"] as? String == "180.00")
      #expect(preview["reversals"] as? String == "30.00")
      #expect(preview["refunds"] as? String == "5.00")
      #expect(preview["cash_expected"] as? String == "95.00", "130.00 cash − 30.00 reversed − 5.00 refunded")
      #expect((preview["by_pay"] as? [String: String])?["wechat"] == "50.00")
      let text = try site.run(["shift", "show", "--db", site.db, "--operator", "li"])
      #expect(text.status == 0 && text.stdout.contains("cash expected 95.00"), "\(text.stdout)")

      // Bad counts are refused before anything is written (not even the log-in).
      let auditBefore = try site.database.auditLog(limit: 10_000).count
      for bad in ["12.345", "abc", "-1"] {
        let refused = try site.run(
          ["shift", "close", "--db", site.db, "--operator", "li", "--password-stdin", "--counted", bad],
          stdin: "li-pass\n")
        #expect(refused.status != 0, "\(bad)")
        #expect(refused.stderr.contains("--counted \(bad)"), "\(refused.stderr)")
      }
      #expect(try site.database.auditLog(limit: 10_000).count == auditBefore)
      #expect(try site.database.lastShiftHandover(operator: "li") == nil)

      // The hand-over: 90.00 counted against 95.00 expected, printed through cupsd.
      let close = try site.run(
        [
          "shift", "close", "--db", site.db, "--operator", "li", "--password-stdin", "--counted", "90.00",
          "--remark", "short", "--print", "desk", "--print-server", cups.server, "--json",
        ], stdin: "li-pass\n")
      #expect(close.status == 0, "\(close.stderr)")
      let closed = try CLISite.object(close.stdout)
      #expect(closed["operator"] as? String == "li")
      #expect(closed["bills"] as? Int == 3)
      #expect(closed["sales"] as? String == "180.00")
      #expect(closed["reversals"] as? String == "30.00" && closed["refunds"] as? String == "5.00")
      #expect(closed["cash_expected"] as? String == "95.00")
      #expect(closed["counted"] as? String == "90.00")
      #expect(closed["difference"] as? String == "-5.00")
      #expect((closed["by_pay"] as? [String: String])?["cash"] == "130.00")
      #expect(closed["started_at"] is String && closed["closed_at"] is String)
      let bytes = try #require(listener.finishedConnections(1, timeout: 20)?.first, "\(cups.errorLog)")
      let slip = String(decoding: bytes, as: UTF8.self)
      for figure in ["交班单", "li", "180.00", "130.00", "50.00", "95.00", "90.00", "-5.00", "短款", "签字"] {
        #expect(slip.contains(figure), "\(figure) in \(slip)")
      }
      let audit = try #require(try site.database.auditLog().first { $0.action == "shift.close" })
      #expect(audit.operator == "li" && audit.detail.contains("difference -5.00"), "\(audit.detail)")

      // The supervisor's review lists the hand-over with the same numbers.
      let review = try site.run(["report", "shift", "--db", site.db, "--json"])
      #expect(review.status == 0, "\(review.stderr)")
      let report = try CLISite.object(review.stdout)
      #expect(report["report"] as? String == "shift")
      let rows = try #require(report["rows"] as? [[String: Any]])
      #expect(rows.count == 1)
      let row = try #require(rows.first)
      for key in [
        "operator", "started_at", "closed_at", "sales", "reversals", "refunds", "cash_expected", "counted",
        "difference",
      ] {
        #expect(row[key] as? String == closed[key] as? String, "\(key)")
      }
      #expect(row["bills"] as? Int == 3)
      #expect((row["by_pay"] as? [String: String]) == (closed["by_pay"] as? [String: String]))
      let totals = try #require(report["totals"] as? [String: Any])
      #expect(totals["difference"] as? String == "-5.00" && totals["cash_expected"] as? String == "95.00")
      let table = try site.run(["report", "shift", "--db", site.db])
      #expect(
        table.status == 0 && table.stdout.contains("短款") && table.stdout.contains("合计"), "\(table.stdout)")

      // A sale after the hand-over starts a new shift that does not count the earlier bills.
      _ = try Self.sell(site, CLISite.meters[1], "20.00", "cash")
      let next = try CLISite.object(
        try site.run(["shift", "show", "--db", site.db, "--operator", "li", "--json"]).stdout)
      #expect(next["bills"] as? Int == 1)
      #expect(next["sales"] as? String == "20.00" && next["cash_expected"] as? String == "20.00")
      #expect(next["reversals"] as? String == "0.00" && next["refunds"] as? String == "0.00")
      let started = try #require(next["started_at"] as? String)
      #expect(started >= (closed["closed_at"] as? String ?? ""), "\(started)")
    }
  }
}

import Foundation
import Store
import TestSupport
import Testing

@Suite("meterdesk account open, list, show and close", .serialized)
struct AccountCLITests {
  @Test("open with a first recharge, find it, close it as a supervisor with a closing settlement")
  func lifecycle() async throws {
    try await CLISite.with { site in
      let meter = SmallSite.meterNumber(bus: 0, index: 3)
      let opened = try site.run(
        [
          "account", "open", "--db", site.db, "--tenant", "张三", "--phone", "13900000000", "--shop", "B-101",
          "--meter", meter, "--first-recharge", "20.00", "--pay", "wechat", "--operator", "li",
          "--password-stdin", "--json",
        ], stdin: "li-pass\n")
      #expect(opened.status == 0, "\(opened.stderr)")
      let account = try #require(try CLISite.object(opened.stdout)["account"] as? String)
      let taken = try site.run(
        [
          "account", "open", "--db", site.db, "--tenant", "李四", "--shop", "B-102", "--meter", meter,
          "--operator", "li", "--password-stdin",
        ], stdin: "li-pass\n")
      #expect(taken.status != 0 && taken.stderr.contains("belongs to open account"))

      let list = try site.run(["account", "list", "--db", site.db, "--search", "B-101", "--json"])
      let accounts = try #require(try CLISite.object(list.stdout)["accounts"] as? [[String: Any]])
      #expect(accounts.count == 1 && accounts.first?["account"] as? String == account)
      #expect(accounts.first?["meters"] as? [String] == [meter])
      let show = try site.run(["account", "show", "--db", site.db, "--account", account, "--json"])
      #expect((try CLISite.object(show.stdout)["sales"] as? [Any])?.count == 1)

      let refused = try site.run(
        ["account", "close", "--db", site.db, "--account", account, "--operator", "li", "--password-stdin"],
        stdin: "li-pass\n")
      #expect(refused.status != 0 && refused.stderr.contains("supervisor"))
      let closed = try site.run(
        [
          "account", "close", "--db", site.db, "--account", account, "--operator", "wang", "--password-stdin",
          "--json",
        ], stdin: "wang-pass\n")
      #expect(closed.status == 0, "\(closed.stderr)")
      let settlements = try #require(try CLISite.object(closed.stdout)["settlements"] as? [Any])
      #expect(settlements.count == 1)
      let rows = try site.database.saleRows(meter: meter)
      #expect(rows.map(\.entry.kind) == [.sale, .closingSettlement])
      #expect(try site.database.auditLog().contains { $0.action == "account.close" })
      let sell = try site.sell(meter, "1.00")
      #expect(sell.status != 0 && sell.stderr.contains("closed"))
    }
  }
}

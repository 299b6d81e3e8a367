import Domain
import Foundation
import TestSupport
import Testing

@Suite("meterdesk sell, sales and reverse against the simulator", .serialized)
struct SellCLITests {
  @Test("sell --wait delivers it itself when nobody acquires; sales --json lists it")
  func sellWaitsAndDelivers() async throws {
    try await CLISite.with { site in
      let meter = CLISite.meters[0]
      let before = try site.snapshot(meter)
      let result = try site.sell(meter, "100.00", ["--wait", "10", "--json"])
      #expect(result.status == 0, "\(result.stderr)")
      let object = try CLISite.object(result.stdout)
      #expect(object["status"] as? String == "delivered")
      #expect((object["purchase_count"] as? Int) == Int(before.purchaseCount) + 1)
      let bill = try #require(object["bill"] as? String)
      #expect(bill.count == 8)
      let balance = try #require(object["balance_after"] as? String)
      let fen = try Money.parse(balance).get().fen
      #expect(abs(fen - (before.remainingFen + 10_000)) <= 20)
      let after = try site.snapshot(meter)
      #expect(after.purchaseCount == before.purchaseCount + 1)

      let listing = try site.run(["sales", "--db", site.db, "--json"])
      #expect(listing.status == 0, "\(listing.stderr)")
      let sales = try #require(try CLISite.object(listing.stdout)["sales"] as? [[String: Any]])
      #expect(sales.count == 1)
      let row = try #require(sales.first)
      let keys: Set<String> = [
        "bill", "kind", "meter", "account", "amount", "pay", "operator", "status", "created_at",
        "delivered_at",
      ]
      #expect(Set(row.keys) == keys)
      #expect(row["bill"] as? String == bill && row["kind"] as? String == "sale")
      #expect(row["amount"] as? String == "100.00" && row["pay"] as? String == "cash")
      #expect(row["status"] as? String == "delivered" && row["delivered_at"] is String)
      let today = try site.run([
        "sales", "--db", site.db, "--from", "2000-01-01", "--to", "2000-01-02", "--json",
      ])
      #expect((try CLISite.object(today.stdout)["sales"] as? [Any])?.isEmpty == true)
    }
  }

  @Test("bad input exits non-zero with one clear line")
  func badInput() async throws {
    try await CLISite.with { site in
      let amount = try site.sell(CLISite.meters[0], "12.345")
      #expect(amount.status != 0 && amount.stderr.contains("--amount"))
      let pay = try site.run(
        [
          "sell", "--db", site.db, "--meter", CLISite.meters[0], "--amount", "1", "--pay", "gold",
          "--operator", "li", "--password-stdin",
        ], stdin: "li-pass\n")
      #expect(pay.status != 0 && pay.stderr.contains("--pay"))
      let password = try site.run(
        [
          "sell", "--db", site.db, "--meter", CLISite.meters[0], "--amount", "1", "--pay", "cash",
          "--operator", "li", "--password-stdin",
        ], stdin: "wrong\n")
      #expect(password.status != 0 && password.stderr.contains("wrong operator name or password"))
    }
  }

  @Test("reverse: a cashier is refused (supervisor needed); a supervisor reverses it")
  func reverse() async throws {
    try await CLISite.with { site in
      let meter = CLISite.meters[1]
      let sale = try CLISite.object(try site.sell(meter, "50.00", ["--wait", "10", "--json"]).stdout)
      let bill = try #require(sale["bill"] as? String)
      #expect(sale["status"] as? String == "delivered")
      let refused = try site.run(
        ["reverse", "--db", site.db, "--bill", bill, "--operator", "li", "--password-stdin"],
        stdin: "li-pass\n")
      #expect(refused.status != 0)
      #expect(refused.stderr.contains("supervisor"), "\(refused.stderr)")
      let before = try site.snapshot(meter)
      let done = try site.run(
        [
          "reverse", "--db", site.db, "--bill", bill, "--operator", "wang", "--password-stdin", "--wait",
          "10",
          "--json",
        ], stdin: "wang-pass\n")
      #expect(done.status == 0, "\(done.stderr)")
      #expect(try CLISite.object(done.stdout)["status"] as? String == "delivered")
      let after = try site.snapshot(meter)
      #expect(after.purchaseCount == before.purchaseCount + 1)
      #expect(after.rechargeLog.last?.amountFen == -5_000)
    }
  }

  @Test("two sells at once to one meter: both recorded, consecutive counts, credited once each")
  func twoAtOnce() async throws {
    try await CLISite.with { site in
      let meter = CLISite.meters[2]
      let before = try site.snapshot(meter)
      async let first = Task.detached { try site.sell(meter, "30.00", ["--wait", "20", "--json"]) }.value
      async let second = Task.detached { try site.sell(meter, "20.00", ["--wait", "20", "--json"]) }.value
      let results = try await [first, second]
      for result in results { #expect(result.status == 0, "\(result.stderr)") }
      let objects = try results.map { try CLISite.object($0.stdout) }
      #expect(objects.allSatisfy { $0["status"] as? String == "delivered" })
      let counts = objects.compactMap { $0["purchase_count"] as? Int }.sorted()
      #expect(counts == [Int(before.purchaseCount) + 1, Int(before.purchaseCount) + 2])
      let after = try site.snapshot(meter)
      #expect(after.purchaseCount == before.purchaseCount + 2)
      let landed = after.rechargeLog.filter { $0.count > before.purchaseCount }
      #expect(landed.count == 2 && landed.map(\.amountFen).reduce(0, +) == 5_000)
    }
  }
}

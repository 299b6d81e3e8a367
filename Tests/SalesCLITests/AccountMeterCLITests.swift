import Domain
import Foundation
import Store
import TestSupport
import Testing

@Suite("meterdesk account add-meter, remove-meter and replace-meter", .serialized)
struct AccountMeterCLITests {
  /// The account holding `meter`.
  static func account(of meter: String, _ site: CLISite) throws -> String {
    let listing = try site.database.accountListings().first { $0.meters.contains { $0.number == meter } }
    return try #require(listing?.account.id)
  }

  @Test("replace carries the balance over exactly: old wallet down by X, new up by X")
  func replaceCarriesBalance() async throws {
    try await CLISite.with { site in
      let old = CLISite.meters[0]
      let new = SmallSite.meterNumber(bus: 0, index: 3)
      let account = try Self.account(of: old, site)
      let sold = try site.sell(old, "12.34", ["--wait", "10"])
      #expect(sold.status == 0, "\(sold.stderr)")
      let poll = try site.run(["poll", "--db", site.db, "--sweeps", "1"])
      #expect(poll.status == 0, "\(poll.stderr)")
      let oldBefore = try site.snapshot(old).remainingFen
      let newBefore = try site.snapshot(new).remainingFen
      let base = [
        "account", "replace-meter", "--db", site.db, "--account", account, "--meter", old, "--new-meter", new,
        "--operator", "li", "--password-stdin",
      ]
      let refused = try site.run(base, stdin: "li-pass\n")
      #expect(refused.status != 0 && refused.stderr.contains("supervisor"), "\(refused.stderr)")
      let replaced = try site.run(
        base + ["--approver", "wang", "--wait", "10", "--json"], stdin: "li-pass\nwang-pass\n")
      #expect(replaced.status == 0, "\(replaced.stderr)")
      let object = try CLISite.object(replaced.stdout)
      let settlement = try #require(object["settlement"] as? [String: Any])
      let transfer = try #require(object["transfer"] as? [String: Any])
      #expect(settlement["status"] as? String == "delivered")
      #expect(transfer["status"] as? String == "delivered")
      let carried = oldBefore
      #expect(carried > 0)
      #expect(try site.snapshot(old).remainingFen == oldBefore - carried)
      #expect(try site.snapshot(new).remainingFen == newBefore + carried)
      #expect(try site.database.saleRows(meter: old).last?.entry.kind == .closingSettlement)
      #expect(try site.database.saleRows(meter: old).last?.entry.amountFen == -carried)
      #expect(try site.database.saleRows(meter: new).map(\.entry.kind) == [.transferIn])
      #expect(try site.database.saleRows(meter: new).first?.entry.amountFen == carried)
      let listing = try #require(try site.database.accountListings().first { $0.account.id == account })
      #expect(listing.meters.map(\.number).contains(new) && !listing.meters.map(\.number).contains(old))
      #expect(try site.database.auditLog().contains { $0.action == "account.replace-meter" })
    }
  }

  @Test("add a free meter, refuse removing one that holds money, remove it once refunded to zero")
  func addAndRemove() async throws {
    try await CLISite.with { site in
      let held = CLISite.meters[0]
      let free = SmallSite.meterNumber(bus: 0, index: 3)
      let account = try Self.account(of: held, site)
      func meterCommand(_ verb: String, _ meter: String) throws -> CommandResult {
        try site.run(
          [
            "account", verb, "--db", site.db, "--account", account, "--meter", meter, "--operator", "li",
            "--password-stdin",
          ], stdin: "li-pass\n")
      }
      let added = try meterCommand("add-meter", free)
      #expect(added.status == 0, "\(added.stderr)")
      #expect(try Self.account(of: free, site) == account)
      let again = try meterCommand("add-meter", CLISite.meters[1])
      #expect(again.status != 0 && again.stderr.contains("belongs to open account"), "\(again.stderr)")
      let sold = try site.sell(held, "3.00", ["--wait", "10"])
      #expect(sold.status == 0, "\(sold.stderr)")
      let poll = try site.run(["poll", "--db", site.db, "--sweeps", "1"])
      #expect(poll.status == 0, "\(poll.stderr)")
      let refused = try meterCommand("remove-meter", held)
      #expect(refused.status != 0 && refused.stderr.contains("refund it"), "\(refused.stderr)")
      let leftover = try site.snapshot(free).remainingFen
      if leftover > 0 {
        let refund = try site.run(
          [
            "refund", "--db", site.db, "--meter", free, "--amount", Money(fen: leftover).decimalString,
            "--operator", "wang", "--password-stdin", "--wait", "10",
          ], stdin: "wang-pass\n")
        #expect(refund.status == 0, "\(refund.stderr)")
        #expect(try site.run(["poll", "--db", site.db, "--sweeps", "1"]).status == 0)
      }
      #expect(try site.snapshot(free).remainingFen == 0)
      let removed = try meterCommand("remove-meter", free)
      #expect(removed.status == 0, "\(removed.stderr)")
      #expect(try site.database.accountListings().allSatisfy { !$0.meters.contains { $0.number == free } })
      #expect(try site.database.auditLog().contains { $0.action == "account.remove-meter" })
    }
  }
}

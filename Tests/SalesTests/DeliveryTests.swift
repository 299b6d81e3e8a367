import Domain
import Foundation
import MeterCrypto
import Services
import Testing

@Suite("Exactly-once sale delivery against the simulator", .serialized)
struct DeliveryTests {
  @Test("a sale lands exactly once, is marked delivered with the balance, and never credits twice")
  func saleLandsOnce() async throws {
    try await SalesSite.with { site in
      try await site.withEngine { engine in
        let before = try site.snapshot()
        let sale = try site.sales.sell(
          meter: SalesSite.meter, amount: .yuan(100), pay: .cash, session: site.cashier, at: Date())
        #expect(sale.status == .queued && sale.kind == .sale && sale.amount == .yuan(100))
        #expect(sale.purchaseCount == Int64(before.purchaseCount) + 1)

        let delivered = try await site.deliverer.deliverPending(engine: engine, masterKey: site.masterKey)
        #expect(delivered.map(\.status) == [.delivered])
        let after = try site.snapshot()
        #expect(after.purchaseCount == before.purchaseCount + 1)
        #expect(after.rechargeLog.count == before.rechargeLog.count + 1)
        #expect(after.rechargeLog.last?.amountFen == 10_000)
        #expect(abs(after.remainingFen - (before.remainingFen + 10_000)) <= 10)
        let stored = try #require(try site.sales.sale(bill: sale.bill))
        let balance = try #require(stored.balanceAfter)
        #expect(abs(balance.fen - after.remainingFen) <= 10)
        #expect(stored.status == .delivered && stored.deliveredAt != nil)

        // Running again finds nothing to do.
        #expect(try await site.deliverer.deliverPending(engine: engine, masterKey: site.masterKey).isEmpty)
        // A crash after the write: the entry is queued again, the meter's count says it landed.
        try site.requeue(bill: sale.bill)
        let again = try await site.deliverer.deliverPending(engine: engine, masterKey: site.masterKey)
        #expect(again.map(\.status) == [.delivered])
        let final = try site.snapshot()
        #expect(final.purchaseCount == after.purchaseCount)
        #expect(final.rechargeLog.count == after.rechargeLog.count, "never sent twice")
        #expect(final.remainingFen <= after.remainingFen)
      }
    }
  }

  @Test("two sales to one meter by two cashiers get consecutive counts and both land")
  func twoSales() async throws {
    try await SalesSite.with { site in
      try await site.withEngine { engine in
        let before = try site.snapshot()
        let other = try site.logIn("zhao", "zhao-pass")
        let first = try site.sales.sell(
          meter: SalesSite.meter, amount: .yuan(50), pay: .wechat, session: site.cashier, at: Date())
        let second = try site.sales.sell(
          meter: SalesSite.meter, amount: .yuan(30), pay: .alipay, session: other, at: Date())
        #expect(second.purchaseCount == first.purchaseCount + 1)
        #expect(second.bill > first.bill)
        let results = try await site.deliverer.deliverPending(engine: engine, masterKey: site.masterKey)
        #expect(results.map(\.status) == [.delivered, .delivered])
        let after = try site.snapshot()
        #expect(after.purchaseCount == before.purchaseCount + 2)
        #expect(after.rechargeLog.suffix(2).map(\.amountFen) == [5_000, 3_000])
      }
    }
  }

  @Test("a silent meter keeps its sale queued; it is delivered once when the meter answers")
  func silentMeter() async throws {
    try await SalesSite.with { site in
      try await site.withEngine { engine in
        let before = try site.snapshot()
        let sale = try site.sales.sell(
          meter: SalesSite.meter, amount: .yuan(20), pay: .card, session: site.cashier, at: Date())
        try site.setFaults("[meter.\"\(SalesSite.meter)\"]\nsilent = true\n")
        let first = try await site.deliverer.deliverPending(engine: engine, masterKey: site.masterKey)
        #expect(first.map(\.status) == [.queued])
        #expect(first.first?.attempts == 1 && first.first?.lastError != nil)
        #expect(try site.snapshot().purchaseCount == before.purchaseCount)

        try site.setFaults("")
        let second = try await site.deliverer.deliverPending(engine: engine, masterKey: site.masterKey)
        #expect(second.map(\.status) == [.delivered])
        #expect(second.first?.bill == sale.bill && second.first?.attempts == 2)
        let after = try site.snapshot()
        #expect(after.purchaseCount == before.purchaseCount + 1)
        #expect(after.rechargeLog.count == before.rechargeLog.count + 1)
      }
    }
  }

  @Test("a wrong master key: the meter refuses with result 1 and the sale shows failed")
  func wrongKey() async throws {
    try await SalesSite.with { site in
      try await site.withEngine { engine in
        let before = try site.snapshot()
        let sale = try site.sales.sell(
          meter: SalesSite.meter, amount: .yuan(10), pay: .cash, session: site.cashier, at: Date())
        let wrong = try SiteMasterKey.generate()
        let results = try await site.deliverer.deliverPending(engine: engine, masterKey: wrong)
        #expect(results.map(\.status) == [.failed])
        let stored = try #require(try site.sales.sale(bill: sale.bill))
        #expect(stored.status == .failed && stored.resultCode == 1)
        #expect(stored.lastError?.contains("bad token") == true)
        #expect(try site.snapshot().purchaseCount == before.purchaseCount)
        // A failed entry is visible but no longer pending.
        #expect(try await site.deliverer.deliverPending(engine: engine, masterKey: site.masterKey).isEmpty)
      }
    }
  }
}

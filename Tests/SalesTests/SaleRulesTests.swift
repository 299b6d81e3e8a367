import Domain
import Foundation
import Services
import Testing

@Suite("What a sale refuses", .serialized)
struct SaleRulesTests {
  @Test("no permission, unopened or never-read meters, zero amounts and the hoarding cap are refused")
  func refusals() async throws {
    try await SalesSite.with { site in
      #expect(throws: SalesError.meterNeverRead(SalesSite.meter)) {
        try site.sales.sell(
          meter: SalesSite.meter, amount: .yuan(1), pay: .cash, session: site.cashier, at: Date())
      }
      try await site.withEngine { _ in
        let operators = OperatorService(database: site.database, iterations: 1000)
        try operators.add(name: "dian", role: "electrician", password: "dian-pass", by: "test", at: Date())
        let electrician = try site.logIn("dian", "dian-pass")
        #expect(throws: SalesError.notAllowed(operator: "dian", permission: .sell)) {
          try site.sales.sell(
            meter: SalesSite.meter, amount: .yuan(1), pay: .cash, session: electrician, at: Date())
        }
        #expect(throws: SalesError.meterNotOpened(SalesSite.unopened)) {
          try site.sales.sell(
            meter: SalesSite.unopened, amount: .yuan(1), pay: .cash, session: site.cashier, at: Date())
        }
        #expect(throws: SalesError.unknownMeter("999999999999")) {
          try site.sales.sell(
            meter: "999999999999", amount: .yuan(1), pay: .cash, session: site.cashier, at: Date())
        }
        #expect(throws: SalesError.amountNotPositive) {
          try site.sales.sell(
            meter: SalesSite.meter, amount: .zero, pay: .cash, session: site.cashier, at: Date())
        }
        let state = try #require(try site.database.meterStates()[SalesSite.meter])
        let remaining = try #require(state.remainingFen)
        let room = 500_000 - remaining
        _ = try site.sales.sell(
          meter: SalesSite.meter, amount: Money(fen: room - 100), pay: .cash, session: site.cashier,
          at: Date())
        #expect(throws: SalesError.overHoardingCap(allowed: Money(fen: 100))) {
          try site.sales.sell(
            meter: SalesSite.meter, amount: Money(fen: 101), pay: .cash, session: site.cashier, at: Date())
        }
        #expect(try site.database.ledger(meter: SalesSite.meter).count == 1, "refused sales leave no trace")
      }
    }
  }
}

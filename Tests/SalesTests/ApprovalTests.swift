import Domain
import Foundation
import Services
import Testing

@Suite("Refund and reversal need a supervisor", .serialized)
struct ApprovalTests {
  @Test("a cashier is refused; a supervisor's approval works; a reversal takes the money back")
  func refundAndReversal() async throws {
    try await SalesSite.with { site in
      try await site.withEngine { engine in
        let sale = try site.sales.sell(
          meter: SalesSite.meter, amount: .yuan(100), pay: .cash, session: site.cashier, at: Date())
        _ = try await site.deliverer.deliverPending(engine: engine, masterKey: site.masterKey)
        let other = try site.logIn("zhao", "zhao-pass")

        #expect(throws: SalesError.notAllowed(operator: "li", permission: .reverse)) {
          try site.sales.reverse(bill: sale.bill, session: site.cashier, approvedBy: nil, at: Date())
        }
        #expect(throws: SalesError.approverNotAllowed(approver: "zhao", permission: .refund)) {
          try site.sales.refund(
            meter: SalesSite.meter, amount: .yuan(5), session: site.cashier, approvedBy: other, at: Date())
        }

        let before = try site.snapshot()
        let reversal = try site.sales.reverse(
          bill: sale.bill, session: site.cashier, approvedBy: site.supervisor, at: Date())
        #expect(reversal.kind == .reversal && reversal.amount == -(Money.yuan(100)))
        #expect(throws: SalesError.alreadyReversed(sale.bill)) {
          try site.sales.reverse(bill: sale.bill, session: site.supervisor, approvedBy: nil, at: Date())
        }
        let refund = try site.sales.refund(
          meter: SalesSite.meter, amount: .yuan(5), session: site.supervisor, approvedBy: nil, at: Date())
        #expect(refund.amount == -(Money.yuan(5)) && refund.purchaseCount == reversal.purchaseCount + 1)

        let results = try await site.deliverer.deliverPending(engine: engine, masterKey: site.masterKey)
        #expect(results.map(\.status) == [.delivered, .delivered])
        let after = try site.snapshot()
        #expect(after.purchaseCount == before.purchaseCount + 2)
        #expect(after.rechargeLog.suffix(2).map(\.amountFen) == [-10_000, -500])
        #expect(abs(after.remainingFen - (before.remainingFen - 10_500)) <= 10)
        let audit = try site.database.auditLog(limit: 50)
        #expect(audit.contains { $0.action == "sales.reversal" && $0.detail.contains("approved by wang") })
      }
    }
  }
}

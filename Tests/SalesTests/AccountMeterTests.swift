import Domain
import Foundation
import Services
import Store
import TestSupport
import Testing

@Suite("Account meters: add, remove, replace, close", .serialized)
struct AccountMeterTests {
  @Test("refusals: permissions, approval for money, same, taken, foreign and last meters")
  func refusals() async throws {
    try await SalesSite.with { site in
      try await site.withEngine { _ in
        let accounts = AccountService(database: site.database)
        let listing = try #require(
          try site.database.accountListings().first { $0.meters.contains { $0.number == SalesSite.meter } })
        let id = listing.account.id
        let other = SmallSite.meterNumber(bus: 0, index: 1)
        let operators = OperatorService(database: site.database, iterations: 1000)
        try operators.add(name: "dian", role: "electrician", password: "dian-pass", by: "test", at: Date())
        let electrician = try site.logIn("dian", "dian-pass")
        #expect(throws: AccountError.notAllowed(operator: "dian", permission: .editAccount)) {
          try accounts.addMeter(account: id, meter: SalesSite.unopened, session: electrician)
        }
        #expect(throws: AccountError.sameMeter(SalesSite.meter)) {
          try accounts.replaceMeter(
            account: id, old: SalesSite.meter, new: SalesSite.meter, session: site.supervisor, approvedBy: nil
          )
        }
        #expect(throws: AccountMeterError.lastMeter(SalesSite.meter)) {
          try accounts.removeMeter(account: id, meter: SalesSite.meter, session: site.supervisor)
        }
        #expect(throws: AccountMeterError.notOnAccount(meter: SalesSite.unopened, account: id)) {
          try accounts.removeMeter(account: id, meter: SalesSite.unopened, session: site.supervisor)
        }
        if let owner = try site.database.accountListings().first(where: {
          $0.meters.contains { $0.number == other }
        }), owner.account.id != id {
          #expect(throws: AccountStoreError.meterTaken(meter: other, account: owner.account.id)) {
            try accounts.replaceMeter(
              account: id, old: SalesSite.meter, new: other, session: site.supervisor, approvedBy: nil)
          }
        }
        #expect(throws: SalesError.notAllowed(operator: site.cashier.name, permission: .refund)) {
          try accounts.replaceMeter(
            account: id, old: SalesSite.meter, new: SalesSite.unopened, session: site.cashier, approvedBy: nil
          )
        }
        #expect(
          try site.database.accountListings().first { $0.account.id == id }?.meters.map(\.number) == [
            SalesSite.meter
          ])
      }
    }
  }

  @Test("replace enters closing_settlement and transfer_in of the same amount; close settles the rest")
  func replaceThenClose() async throws {
    try await SalesSite.with { site in
      try await site.withEngine { _ in
        let accounts = AccountService(database: site.database)
        let listing = try #require(
          try site.database.accountListings().first { $0.meters.contains { $0.number == SalesSite.meter } })
        let id = listing.account.id
        let done = try accounts.replaceMeter(
          account: id, old: SalesSite.meter, new: SalesSite.unopened, session: site.cashier,
          approvedBy: site.supervisor)
        let settlement = try #require(done.settlement)
        let transfer = try #require(done.transfer)
        #expect(settlement.kind == .closingSettlement && transfer.kind == .transferIn)
        #expect(done.carried.isPositive)
        #expect(settlement.amount == -done.carried && transfer.amount == done.carried)
        #expect(settlement.meter == SalesSite.meter && transfer.meter == SalesSite.unopened)
        let row = try #require(try site.database.saleRow(bill: transfer.bill))
        #expect(row.entry.approvedBy == site.supervisor.name)
        let closing = try accounts.close(id: id, session: site.supervisor, at: Date())
        #expect(closing.settlements.map(\.kind) == [.closingSettlement])
        #expect(closing.settlements.first?.meter == SalesSite.unopened)
        let closed = try #require(try site.database.accountListings().first { $0.account.id == id })
        #expect(closed.account.closedAt != nil)
        #expect(try site.database.auditLog().contains { $0.action == "account.close" })
      }
    }
  }
}

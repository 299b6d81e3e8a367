import ConsoleBridge
import Domain
import Foundation
import Screens
import Services
import Store

extension ConsoleSales {
  /// The accounts matching `search` (the services' search: shop, tenant, meter, phone).
  func accounts(search: String) -> [AppAction] {
    do {
      let found = try AccountService(database: env.database).find(search)
      return [.accountsLoaded(found.map(ScreenModels.account))]
    } catch {
      env.logger.error("loading accounts failed: \(error)")
      return [.errorReported("loading accounts failed: \(error)")]
    }
  }

  /// Opens an account (开户) as the logged-in operator; a first recharge is delivered like a sale.
  func openAccount(_ opening: AccountOpening, at now: Date) -> [AppAction] {
    guard let session else { return [.accountRefused("not logged in")] }
    env.sink?.flush()
    do {
      let (account, sale) = try AccountService(database: env.database).open(
        tenant: opening.tenant, phone: opening.phone, shop: opening.shop, meters: opening.meters, id: nil,
        firstRecharge: opening.firstRecharge, pay: opening.pay, session: session, at: now)
      env.logger.info(
        "account \(account) opened by \(session.name) on \(opening.meters.joined(separator: " "))")
      if let sale { track(bill: sale.bill, meter: sale.meter) }
      return [.accountOpened(account: account, firstSale: sale?.bill)]
    } catch let error as SalesError {
      // The account stands (opened in its own transaction); only the recharge was refused.
      env.logger.notice("account opened but the first recharge was refused: \(error)")
      let first = opening.meters.first ?? ""
      let opened = (try? AccountService(database: env.database).find(first))?.first { listing in
        listing.account.closedAt == nil && listing.meters.contains { $0.number == first }
      }
      return [
        .accountOpened(account: opened?.account.id ?? "", firstSale: nil),
        .errorReported(ConsoleText.firstRechargeRefused(error, env.language)),
      ]
    } catch {
      env.logger.notice("opening an account refused: \(error)")
      return [.accountRefused(ConsoleText.describe(error, env.language))]
    }
  }

  /// Closes an account (销户) as the logged-in operator, or as the approving supervisor when the
  /// operator lacks the permission; the settlements are delivered through the outbox like sales.
  func closeAccount(_ account: String, approval: SaleApproval?, at now: Date) -> [AppAction] {
    let strings = Strings(env.language)
    guard var acting = session else { return [.accountRefused("not logged in")] }
    if let approval, !acting.allows(.closeAccount) {
      do {
        acting = try OperatorService(database: env.database)
          .logIn(name: approval.name, password: approval.password, at: now)
      } catch {
        env.logger.notice("approval by \(approval.name) refused: \(error)")
        return [.accountRefused(strings[SaleText.supervisorRefused])]
      }
    }
    env.sink?.flush()
    do {
      let closing = try AccountService(database: env.database).close(id: account, session: acting, at: now)
      env.logger.info(
        "account \(account) closed by \(acting.name); \(closing.settlements.count) settlement(s) queued")
      for record in closing.settlements { track(bill: record.bill, meter: record.meter) }
      return [.accountClosed(account: account, settlements: closing.settlements.count)]
    } catch {
      env.logger.notice("closing account \(account) refused: \(error)")
      return [.accountRefused(ConsoleText.describe(error, env.language))]
    }
  }
}

import ConsoleBridge
import Domain
import Foundation
import Screens
import Services

extension ConsoleSales {
  /// The meter's delivered sales, newest first (at most 10), for reversal.
  func recentSales(meter: String) -> [AppAction] {
    let rows = (try? SalesService(database: env.database).sales(meter: meter)) ?? []
    let sales = rows.filter { $0.kind == .sale && $0.status == .delivered }.suffix(10).reversed()
      .map { RecentSale(bill: $0.bill, amount: $0.amount, at: $0.createdAt) }
    return [.recentSalesLoaded(meter: meter, Array(sales))]
  }

  /// Records a refund (退电) or reversal (冲正) as the logged-in operator, approved by the supervisor
  /// whose credentials were typed; delivers it like a sale. Returns what to show.
  func takeBack(
    _ mode: SaleMode, meter: String, amount: Money?, bill: Int64?, approval: SaleApproval?, at now: Date
  )
    -> [AppAction]
  {
    let strings = Strings(env.language)
    guard let session else { return [.saleRefused(ConsoleText.notLoggedIn(env.language))] }
    var approver: Session?
    if let approval {
      do {
        approver = try OperatorService(database: env.database)
          .logIn(name: approval.name, password: approval.password, at: now)
      } catch {
        env.logger.notice("approval by \(approval.name) refused: \(error)")
        return [.saleRefused(strings[SaleText.supervisorRefused])]
      }
    }
    env.sink?.flush()
    do {
      let service = SalesService(database: env.database)
      let record: SaleRecord
      if mode == .reversal, let bill {
        record = try service.reverse(bill: bill, session: session, approvedBy: approver, at: now)
      } else if let amount {
        record = try service.refund(
          meter: meter, amount: amount, session: session, approvedBy: approver, at: now)
      } else {
        return [.saleRefused(strings[SaleText.noBillChosen])]
      }
      env.logger.info(
        "\(record.kind.rawValue) bill \(record.bill): \(record.amount) on meter \(meter) by \(session.name) approved by \(approver?.name ?? "-")"
      )
      track(bill: record.bill, meter: meter)
      let receipt = SaleReceipt(
        bill: record.bill, meter: record.meter, amount: Money(fen: abs(record.amount.fen)), pay: .cash,
        purchaseCount: record.purchaseCount, mode: mode)
      return [.saleRecorded(receipt)] + viewerNotice(bill: record.bill)
    } catch SalesError.notAllowed {
      return [.saleRefused(strings[SaleText.operatorNotAllowed])]
    } catch SalesError.approverNotAllowed(let name, _) {
      return [.saleRefused(strings.format(SaleText.approverNotSupervisor, name))]
    } catch {
      env.logger.notice("\(mode) on meter \(meter) refused: \(error)")
      return [.saleRefused(ConsoleText.describe(error, env.language))]
    }
  }
}

import Domain
import Foundation
import Store

extension SalesService {
  /// The approver's name to record, nil when the operator may do it alone; throws when refused.
  static func authorize(_ permission: Permission, session: Session, approvedBy: Session?) throws -> String? {
    if session.allows(permission) { return nil }
    guard let approver = approvedBy else {
      throw SalesError.notAllowed(operator: session.name, permission: permission)
    }
    guard approver.allows(permission) else {
      throw SalesError.approverNotAllowed(approver: approver.name, permission: permission)
    }
    return approver.name
  }

  /// Checks the meter may take money; returns its account, the expected purchase count and the
  /// balance it will hold once everything still on its way has landed (fen).
  static func check(_ context: SaleContext) throws -> (account: String, count: Int64, balanceFen: Int64) {
    let number = context.meter.number
    guard let account = context.account else { throw SalesError.meterNotOpened(number) }
    guard account.closedAt == nil else { throw SalesError.accountClosed(number) }
    guard !context.meter.disabled else { throw SalesError.meterDisabled(number) }
    guard let count = context.expectedPurchaseCount, let remaining = context.state?.remainingFen else {
      throw SalesError.meterNeverRead(number)
    }
    return (account.id, count, remaining + context.undeliveredFen)
  }

  /// The ledger entry and its audit line.
  static func entry(
    _ kind: LedgerKind, context: SaleContext, account: String, amount: Money, pay: PayMethod?,
    session: Session, approver: String?, reverses: Int64?, count: Int64, at now: Date
  ) -> (LedgerEntryRecord, AuditRecord) {
    let entry = LedgerEntryRecord(
      kind: kind, meter: context.meter.number, account: account, amountFen: amount.fen,
      payMethod: pay, operator: session.name, approvedBy: approver, reversesBill: reverses,
      purchaseCount: count, createdAt: now, remark: "")
    var detail = "\(kind.rawValue) \(amount) to meter \(context.meter.number), purchase count \(count)"
    if let pay { detail += ", paid by \(pay.rawValue)" }
    if let approver { detail += ", approved by \(approver)" }
    if let reverses { detail += ", reverses bill \(reverses)" }
    let audit = AuditRecord(
      at: now, operator: session.name, action: "sales.\(kind.rawValue)", target: "", detail: detail)
    return (entry, audit)
  }
}

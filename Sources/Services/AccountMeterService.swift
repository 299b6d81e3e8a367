import Domain
import Foundation
import Store

/// What replacing a meter (换表) did.
public struct MeterReplacement: Sendable, Hashable {
  /// The account.
  public var account: String
  /// The meter that left the account.
  public var old: String
  /// The meter that joined it.
  public var new: String
  /// The amount carried over (zero when the old meter held nothing).
  public var carried: Money
  /// The `closing_settlement` taken off the old meter, when it held money.
  public var settlement: SaleRecord?
  /// The `transfer_in` (老表转入) credited to the new meter, when money was carried.
  public var transfer: SaleRecord?
}

extension AccountService {
  /// Adds a free meter (no account, or a closed one) to an open account; needs `.editAccount`.
  public func addMeter(account: String, meter: String, session: Session, at now: Date = Date()) throws {
    guard session.allows(.editAccount) else {
      throw AccountError.notAllowed(operator: session.name, permission: .editAccount)
    }
    try database.addMeter(
      meter, toAccount: account,
      audit: AuditRecord(
        at: now, operator: session.name, action: "account.add-meter", target: "account \(account)",
        detail: "meter \(meter) added"))
  }

  /// Takes a meter off an open account; needs `.editAccount`. Refused while the meter holds money or
  /// has entries on their way (refund it first, or replace it), and for the account's only meter.
  public func removeMeter(account: String, meter: String, session: Session, at now: Date = Date()) throws {
    guard session.allows(.editAccount) else {
      throw AccountError.notAllowed(operator: session.name, permission: .editAccount)
    }
    let pending = try database.pendingDeliveries().filter { $0.entry.meter == meter }.count
    guard pending == 0 else { throw AccountError.undelivered(meter: meter, count: pending) }
    try database.removeMeter(
      meter, fromAccount: account,
      check: { context in
        guard context.undeliveredFen == 0 else {
          throw AccountError.undelivered(meter: meter, count: 1)
        }
        let balance = context.state?.remainingFen ?? 0
        guard balance <= 0 else { throw AccountError.holdsMoney(meter: meter, balance: Money(fen: balance)) }
      },
      audit: AuditRecord(
        at: now, operator: session.name, action: "account.remove-meter", target: "account \(account)",
        detail: "meter \(meter) removed"))
  }

  /// Replaces meter `old` with `new` (换表) in one transaction: the old meter's remaining amount (last
  /// read plus anything on its way) is taken off it as a `closing_settlement` and credited to the new
  /// meter as a `transfer_in` (老表转入), both delivered through the outbox; `new` joins the account and
  /// `old` leaves it, with an audit line. Needs `.editAccount`; carrying money also needs `.refund`
  /// (a supervisor, or a supervisor's approval). Both meters must have been read.
  public func replaceMeter(
    account: String, old: String, new: String, session: Session, approvedBy: Session?, at now: Date = Date()
  ) throws -> MeterReplacement {
    guard session.allows(.editAccount) else {
      throw AccountError.notAllowed(operator: session.name, permission: .editAccount)
    }
    guard old != new else { throw AccountError.sameMeter(old) }
    var carried: Int64 = 0
    var approver: String?
    let rows = try database.replaceMeter(
      account: account, old: old, new: new,
      settle: { context in
        let (owner, count, balance) = try SalesService.check(context)
        guard balance > 0 else { return nil }
        approver = try SalesService.authorize(.refund, session: session, approvedBy: approvedBy)
        carried = balance
        var (entry, audit) = SalesService.entry(
          .closingSettlement, context: context, account: owner, amount: Money(fen: -balance), pay: nil,
          session: session, approver: approver, reverses: nil, count: count, at: now)
        entry.remark = "meter replaced by \(new)"
        return (entry, audit)
      },
      credit: { context in
        let (owner, count, _) = try SalesService.check(context)
        guard carried > 0 else { return nil }
        guard carried <= Int64(Int32.max) else { throw SalesError.amountTooLarge(Money(fen: carried)) }
        var (entry, audit) = SalesService.entry(
          .transferIn, context: context, account: owner, amount: Money(fen: carried), pay: nil,
          session: session, approver: approver, reverses: nil, count: count, at: now)
        entry.remark = "carried over from meter \(old)"
        return (entry, audit)
      },
      audit: { rows in
        var detail = "meter \(old) replaced by \(new); carried \(Money(fen: carried))"
        if !rows.isEmpty {
          detail += " (bills " + rows.map { "\($0.entry.bill ?? 0)" }.joined(separator: ", ") + ")"
        }
        if let approver { detail += ", approved by \(approver)" }
        return AuditRecord(
          at: now, operator: session.name, action: "account.replace-meter", target: "account \(account)",
          detail: detail)
      })
    let records = rows.map(SaleRecord.init(row:))
    return MeterReplacement(
      account: account, old: old, new: new, carried: Money(fen: carried),
      settlement: records.first { $0.kind == .closingSettlement },
      transfer: records.first { $0.kind == .transferIn })
  }
}

import Domain
import Foundation
import Store

/// Remote sale (远程售电), refund (退电) and reversal (冲正): checked, then committed in one
/// transaction with an outbox entry for exactly-once delivery.
public struct SalesService: Sendable {
  let database: AppDatabase

  /// Creates the service over a database.
  public init(database: AppDatabase) {
    self.database = database
  }

  /// Sells `amount` onto an opened meter; needs `.sell`.
  public func sell(meter: String, amount: Money, pay: PayMethod, session: Session, at now: Date) throws
    -> SaleRecord
  {
    let approver = try Self.authorize(.sell, session: session, approvedBy: nil)
    guard amount.isPositive else { throw SalesError.amountNotPositive }
    guard amount.fen <= Int64(Int32.max) else { throw SalesError.amountTooLarge(amount) }
    let row = try append(meter: meter, reversing: nil) { context in
      let (account, count, balance) = try Self.check(context)
      let allowed = max(0, context.hoardingCapFen - balance)
      guard amount.fen <= allowed else { throw SalesError.overHoardingCap(allowed: Money(fen: allowed)) }
      return Self.entry(
        .sale, context: context, account: account, amount: amount, pay: pay, session: session,
        approver: approver, reverses: nil, count: count, at: now)
    }
    return SaleRecord(row: row)
  }

  /// Takes `amount` (above zero) back off a meter; needs `.refund`, or a supervisor's approval.
  public func refund(meter: String, amount: Money, session: Session, approvedBy: Session?, at now: Date)
    throws -> SaleRecord
  {
    let approver = try Self.authorize(.refund, session: session, approvedBy: approvedBy)
    guard amount.isPositive else { throw SalesError.amountNotPositive }
    guard amount.fen <= Int64(Int32.max) else { throw SalesError.amountTooLarge(amount) }
    let row = try append(meter: meter, reversing: nil) { context in
      let (account, count, balance) = try Self.check(context)
      guard amount.fen <= balance else {
        throw SalesError.exceedsBalance(available: Money(fen: max(0, balance)))
      }
      return Self.entry(
        .refund, context: context, account: account, amount: -amount, pay: nil, session: session,
        approver: approver, reverses: nil, count: count, at: now)
    }
    return SaleRecord(row: row)
  }

  /// Cancels a delivered sale by taking its amount back off the meter; needs `.reverse`, or approval.
  public func reverse(bill: Int64, session: Session, approvedBy: Session?, at now: Date) throws -> SaleRecord
  {
    let approver = try Self.authorize(.reverse, session: session, approvedBy: approvedBy)
    guard let original = try database.saleRow(bill: bill) else { throw SalesError.unknownBill(bill) }
    let row = try append(meter: original.entry.meter, reversing: bill) { context in
      guard let target = context.target else { throw SalesError.unknownBill(bill) }
      guard target.kind == .sale else { throw SalesError.notASale(bill) }
      guard context.targetOutbox?.state == .delivered else {
        throw SalesError.saleNotDelivered(bill)
      }
      guard !context.targetAlreadyReversed else { throw SalesError.alreadyReversed(bill) }
      let (account, count, balance) = try Self.check(context)
      guard target.amountFen <= balance else {
        throw SalesError.exceedsBalance(available: Money(fen: max(0, balance)))
      }
      return Self.entry(
        .reversal, context: context, account: account, amount: Money(fen: -target.amountFen), pay: nil,
        session: session, approver: approver, reverses: bill, count: count, at: now)
    }
    return SaleRecord(row: row)
  }

  /// One entry with its delivery state.
  public func sale(bill: Int64) throws -> SaleRecord? {
    try database.saleRow(bill: bill).map(SaleRecord.init(row:))
  }

  /// Every entry entered in `[start, end)` (either bound optional) with its delivery state, pay
  /// method and operator, in bill order.
  public func listing(from start: Date?, to end: Date?) throws -> [(
    record: SaleRecord, entry: LedgerEntryRecord
  )] {
    try database.saleRows(from: start, to: end).map { (SaleRecord(row: $0), $0.entry) }
  }

  /// Every entry of a meter with its delivery state, oldest first.
  public func sales(meter: String) throws -> [SaleRecord] {
    try database.saleRows(meter: meter).map(SaleRecord.init(row:))
  }

  private func append(
    meter: String, reversing: Int64?, _ build: (SaleContext) throws -> (LedgerEntryRecord, AuditRecord)
  ) throws -> SaleRow {
    guard try database.meters().contains(where: { $0.number == meter }) else {
      throw SalesError.unknownMeter(meter)
    }
    return try database.appendDelivery(meter: meter, reversing: reversing, build)
  }
}

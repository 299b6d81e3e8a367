import Domain
import Foundation
import Store

/// Where a ledger entry's delivery to its meter stands (the store's own type).
public typealias SaleStatus = DeliveryState

/// A sale, refund or reversal with its delivery state, as the desk shows it.
public struct SaleRecord: Sendable, Hashable {
  /// Bill number.
  public var bill: Int64
  /// Sale, refund or reversal.
  public var kind: LedgerKind
  /// Meter number.
  public var meter: String
  /// Account number.
  public var account: String
  /// Signed amount: positive onto the meter, negative off it.
  public var amount: Money
  /// The purchase count the meter has once this lands.
  public var purchaseCount: Int64
  /// Delivery state.
  public var status: SaleStatus
  /// The meter's remaining amount read right after delivery.
  public var balanceAfter: Money?
  /// When it was entered.
  public var createdAt: Date
  /// When the meter took it.
  public var deliveredAt: Date?
  /// The meter's result register when it refused (1 bad token, 2 wrong meter, 3 count, 4 balance).
  public var resultCode: Int?
  /// The last delivery problem, if any.
  public var lastError: String?
  /// Delivery attempts so far.
  public var attempts: Int

  /// Builds the record from a stored row.
  public init(row: SaleRow) {
    bill = row.entry.bill ?? 0
    kind = row.entry.kind
    meter = row.entry.meter
    account = row.entry.account
    amount = Money(fen: row.entry.amountFen)
    purchaseCount = row.entry.purchaseCount ?? 0
    // An entry without an outbox row has nothing to deliver (a void's reversal, a settlement).
    status = row.outbox?.state ?? .delivered
    balanceAfter = row.outbox?.balanceAfterFen.map { Money(fen: $0) }
    createdAt = row.entry.createdAt
    deliveredAt = row.outbox?.deliveredAt
    resultCode = row.outbox?.resultCode
    lastError = row.outbox?.lastError
    attempts = row.outbox?.attempts ?? 0
  }
}

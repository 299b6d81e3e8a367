import Domain
import Foundation

/// Where an undelivered outbox entry stands (待下发 / 异常售电).
public enum OutboxEntryState: String, Sendable, Hashable {
  /// 排队: waiting for its bus.
  case queued
  /// 已发送: the token went out and the answer is awaited.
  case sent
  /// 失败: the meter refused the token or delivery gave up; a supervisor voids or requeues it.
  case failed
  /// 冲突: the meter's purchase count does not match; a supervisor reads the meter and decides.
  case conflict
}

/// One sale, refund or reversal not yet delivered to its meter, as the outbox screen lists it.
public struct OutboxEntryRow: Sendable, Hashable {
  /// The bill number (票号) of the ledger entry.
  public var bill: Int64
  /// Sale, refund, reversal, transfer in or closing settlement.
  public var kind: LedgerKind
  /// The meter it goes to.
  public var meter: String
  /// The account (户号) the entry belongs to.
  public var account: String
  /// The signed amount: positive onto the meter, negative off it.
  public var amount: Money
  /// Where delivery stands.
  public var state: OutboxEntryState
  /// Delivery attempts so far.
  public var attempts: Int
  /// The last delivery error, if any.
  public var lastError: String?
  /// When the entry was recorded (the screen shows the age from the console's clock).
  public var createdAt: Date
  /// The meter's purchase count once this entry lands, when known.
  public var expectedCount: Int64?

  /// An outbox row.
  public init(
    bill: Int64, kind: LedgerKind, meter: String, account: String, amount: Money, state: OutboxEntryState,
    attempts: Int, lastError: String?, createdAt: Date, expectedCount: Int64?
  ) {
    self.bill = bill
    self.kind = kind
    self.meter = meter
    self.account = account
    self.amount = amount
    self.state = state
    self.attempts = attempts
    self.lastError = lastError
    self.createdAt = createdAt
    self.expectedCount = expectedCount
  }
}

/// What a fresh read of a conflicting entry's meter found.
public struct OutboxFreshRead: Sendable, Hashable {
  /// The meter's purchase count (购电次数) now.
  public var purchaseCount: Int64
  /// The meter's remaining amount now.
  public var remaining: Money
  /// When the meter was read.
  public var at: Date

  /// A fresh read.
  public init(purchaseCount: Int64, remaining: Money, at: Date) {
    self.purchaseCount = purchaseCount
    self.remaining = remaining
    self.at = at
  }
}

/// How a supervisor resolves a failed or conflicting outbox entry.
public enum OutboxResolution: String, Sendable, Hashable {
  /// The meter shows the entry (checked by a fresh read): it is marked delivered.
  case landed
  /// The entry is cancelled by a reversal entry in the ledger; the tenant gets the money back.
  case void
  /// A failed entry is queued again for delivery.
  case retry
}

/// A meter flagged after a restore: its purchase count is ahead of the restored ledger.
public struct RestoreFlagRow: Sendable, Hashable {
  /// The meter.
  public var meter: String
  /// The count the restored ledger accounts for.
  public var expectedCount: Int64
  /// The count read from the meter.
  public var meterCount: Int64?

  /// Creates a row.
  public init(meter: String, expectedCount: Int64, meterCount: Int64?) {
    self.meter = meter
    self.expectedCount = expectedCount
    self.meterCount = meterCount
  }
}

import Domain
import Foundation
import GRDB

/// One money movement (售电, 退电, 冲正, 老表转入, 销户结算); never updated or deleted.
public struct LedgerEntryRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
  /// The table this record maps to.
  public static let databaseTableName = "ledgerEntry"
  /// Bill number, assigned by SQLite on insert: unique and increasing.
  public var bill: Int64?
  /// Sale, refund, reversal, transfer in or closing settlement; an unknown stored value is a decoding error.
  public var kind: LedgerKind
  /// Meter number.
  public var meter: String
  /// Account number.
  public var account: String
  /// Signed amount in fen: positive onto the meter, negative off it.
  public var amountFen: Int64
  /// How a sale was paid, nil for other kinds.
  public var payMethod: PayMethod?
  /// Who entered it.
  public var `operator`: String
  /// Supervisor who approved it, when approval is needed.
  public var approvedBy: String?
  /// For a reversal, the bill it cancels.
  public var reversesBill: Int64?
  /// The purchase count the meter will have after this entry lands.
  public var purchaseCount: Int64?
  /// When it was entered.
  public var createdAt: Date
  /// Free remark printed on the receipt.
  public var remark: String

  /// Creates a ledger entry to be appended.
  public init(
    kind: LedgerKind, meter: String, account: String, amountFen: Int64, payMethod: PayMethod?,
    operator: String, approvedBy: String?, reversesBill: Int64?, purchaseCount: Int64?,
    createdAt: Date, remark: String
  ) {
    self.kind = kind
    self.meter = meter
    self.account = account
    self.amountFen = amountFen
    self.payMethod = payMethod
    self.operator = `operator`
    self.approvedBy = approvedBy
    self.reversesBill = reversesBill
    self.purchaseCount = purchaseCount
    self.createdAt = createdAt
    self.remark = remark
  }

  /// Takes the bill number SQLite assigned.
  public mutating func didInsert(_ inserted: InsertionSuccess) { bill = inserted.rowID }
}

/// Delivery of one ledger entry to its meter, carried by acquisition.
public struct OutboxRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
  /// The table this record maps to.
  public static let databaseTableName = "outbox"
  /// Row id.
  public var id: Int64?
  /// The ledger entry to deliver.
  public var bill: Int64
  /// Meter number.
  public var meter: String
  /// Where the delivery stands; an unknown stored value is a decoding error.
  public var state: DeliveryState
  /// Tries so far.
  public var attempts: Int
  /// Last error, if any.
  public var lastError: String?
  /// The meter's result register, if it answered.
  public var resultCode: Int?
  /// The meter's remaining amount after delivery, fen.
  public var balanceAfterFen: Int64?
  /// When queued.
  public var createdAt: Date
  /// When last changed.
  public var updatedAt: Date
  /// When delivered.
  public var deliveredAt: Date?
  /// The supervisor who resolved a conflict or failure (landed, void or retried), if any.
  public var resolvedBy: String?
  /// When it was resolved.
  public var resolvedAt: Date?

  /// A freshly queued delivery.
  public init(bill: Int64, meter: String, at: Date) {
    self.bill = bill
    self.meter = meter
    self.state = .queued
    self.attempts = 0
    self.createdAt = at
    self.updatedAt = at
  }

  /// Takes the id SQLite assigned.
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

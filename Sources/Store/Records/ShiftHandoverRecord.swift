import Foundation
import GRDB

/// A cashier's shift hand-over (交班): the bills since the shift began, the cash expected and counted.
public struct ShiftHandoverRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
  /// The table this record maps to.
  public static let databaseTableName = "shiftHandover"
  /// Row id, nil before insert.
  public var id: Int64?
  /// The cashier handing over.
  public var `operator`: String
  /// When the shift began: the first log-in after the cashier's previous hand-over.
  public var startedAt: Date
  /// When the shift was handed over.
  public var closedAt: Date
  /// The shift's first bill, nil when the shift took none.
  public var firstBill: Int64?
  /// The shift's last bill, nil when the shift took none.
  public var lastBill: Int64?
  /// Number of sale bills.
  public var bills: Int
  /// Sales in fen.
  public var salesFen: Int64
  /// Reversals in fen, positive.
  public var reversalsFen: Int64
  /// Refunds in fen, positive.
  public var refundsFen: Int64
  /// Cash the drawer should hold in fen.
  public var cashExpectedFen: Int64
  /// Cash the cashier counted in fen.
  public var cashCountedFen: Int64
  /// Counted minus expected, in fen: negative when cash is short.
  public var differenceFen: Int64
  /// Sales per payment method as JSON `{"cash": fen, ...}`.
  public var byPay: String
  /// The cashier's remark.
  public var remark: String

  /// Creates a hand-over row.
  public init(
    operator: String, startedAt: Date, closedAt: Date, firstBill: Int64?, lastBill: Int64?, bills: Int,
    salesFen: Int64, reversalsFen: Int64, refundsFen: Int64, cashExpectedFen: Int64, cashCountedFen: Int64,
    byPay: String, remark: String = ""
  ) {
    self.operator = `operator`
    self.startedAt = startedAt
    self.closedAt = closedAt
    self.firstBill = firstBill
    self.lastBill = lastBill
    self.bills = bills
    self.salesFen = salesFen
    self.reversalsFen = reversalsFen
    self.refundsFen = refundsFen
    self.cashExpectedFen = cashExpectedFen
    self.cashCountedFen = cashCountedFen
    self.differenceFen = cashCountedFen - cashExpectedFen
    self.byPay = byPay
    self.remark = remark
  }

  /// Takes the id SQLite assigned.
  public mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }
}

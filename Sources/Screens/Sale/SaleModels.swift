import Domain
import Foundation

/// A sale the services recorded: the bill and what the meter will have once it lands.
public struct SaleReceipt: Sendable, Hashable {
  /// The bill number (票号).
  public var bill: Int64
  /// The meter sold to.
  public var meter: String
  /// The amount sold.
  public var amount: Money
  /// How the tenant paid.
  public var pay: PayMethod
  /// The meter's purchase count once the sale lands.
  public var purchaseCount: Int64
  /// Sale, refund or reversal (the amount is then what is taken off).
  public var mode: SaleMode

  /// Creates the record of a sale, refund or reversal.
  public init(
    bill: Int64, meter: String, amount: Money, pay: PayMethod, purchaseCount: Int64, mode: SaleMode = .sale
  ) {
    self.mode = mode
    self.bill = bill
    self.meter = meter
    self.amount = amount
    self.pay = pay
    self.purchaseCount = purchaseCount
  }
}

/// Where the delivery of a recorded sale to its meter stands.
public enum SaleProgress: Sendable, Hashable {
  /// Recorded and waiting for the bus.
  case queued
  /// The token is on its way to the meter.
  case sent
  /// The meter took it; its remaining amount afterwards, when read.
  case delivered(balance: Money?)
  /// The meter did not answer; the sale stays queued and is retried (the grid marks the meter).
  case pending(reason: String)
  /// The meter refused the token with this result code.
  case failed(code: Int?, reason: String)
  /// The meter's purchase count conflicts; a supervisor must reconcile.
  case conflict(reason: String)

  /// True once nothing more will happen without a supervisor or a retry.
  public var isFinal: Bool {
    switch self {
    case .delivered, .failed, .conflict: true
    case .queued, .sent, .pending: false
    }
  }
}

/// Where the receipt of a sale stands.
public enum ReceiptOutcome: Sendable, Hashable {
  /// Sent to the printer or file.
  case printing
  /// Printed to this destination (queue name or file path).
  case printed(String)
  /// Printing failed; the sale stands and P prints again.
  case failed(String)
}

/// The steps of the sale window.
public enum SalePhase: Sendable, Hashable {
  /// Choosing the meter, typing the amount and picking the payment method.
  case editing
  /// The confirm dialog, with the highlighted button (0 confirm, 1 cancel).
  case confirming(selected: Int)
  /// The supervisor approval dialog (refund and reversal by an operator without the permission).
  case approving
  /// Waiting for the services to record the sale.
  case submitting
  /// The sale is recorded; delivery and printing progress.
  case delivering
}

/// Which part of the sale form has the keys.
public enum SaleFocus: Sendable, Hashable {
  /// The amount field (Up/Down pick the meter).
  case amount
  /// The payment methods.
  case pay
}

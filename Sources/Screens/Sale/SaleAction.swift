import Foundation
import TerminalUI

/// What happened to the sale window.
public enum SaleAction: Sendable, Hashable {
  /// The operator pressed a key.
  case keyPressed(Key)
  /// The meter's delivered sales, newest first, for reversal (after `.loadRecentSales`).
  case recentSalesLoaded(meter: String, [RecentSale])
  /// The services recorded the sale (or refund, or reversal).
  case saleRecorded(SaleReceipt)
  /// Delivery of a bill moved on.
  case saleProgress(bill: Int64, SaleProgress)
  /// The services refused the sale; the reason is shown under the amount.
  case saleRefused(String)
  /// The receipt of a bill printed, or failed to.
  case receiptPrinted(bill: Int64, ReceiptOutcome)
  /// Fresh meter rows from acquisition (remaining amounts and ages).
  case metersUpdated([GridMeter])
  /// The clock moved.
  case clockTicked(Date)
}

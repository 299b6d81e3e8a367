import Domain
import Foundation
import Screens
import Services

extension ScreenModels {
  /// The sale window's record of a sale the services stored.
  public static func receipt(_ record: SaleRecord, pay: PayMethod) -> SaleReceipt {
    SaleReceipt(
      bill: record.bill, meter: record.meter, amount: record.amount, pay: pay,
      purchaseCount: record.purchaseCount)
  }

  /// Delivery progress from a stored sale; `offline` words a sale still queued after an attempt.
  public static func progress(_ record: SaleRecord) -> SaleProgress {
    switch record.status {
    case .queued:
      guard record.attempts > 0 else { return .queued }
      return .pending(reason: record.lastError ?? "the meter did not answer")
    case .sent: return .sent
    case .delivered: return .delivered(balance: record.balanceAfter)
    case .failed: return .failed(code: record.resultCode, reason: record.lastError ?? "refused")
    case .conflict: return .conflict(reason: record.lastError ?? "purchase count conflict")
    }
  }
}

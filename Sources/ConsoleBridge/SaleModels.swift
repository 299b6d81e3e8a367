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
    case .void: return .failed(code: nil, reason: "void: never reached the meter; money returned")
    }
  }
}

extension ScreenModels {
  /// An undelivered-sales desk row.
  public static func outbox(_ entry: OutboxDeskEntry) -> OutboxEntryRow {
    let record = entry.record
    let state: OutboxEntryState
    switch record.status {
    case .sent: state = .sent
    case .failed: state = .failed
    case .conflict: state = .conflict
    case .queued, .delivered, .void: state = .queued
    }
    return OutboxEntryRow(
      bill: record.bill, kind: record.kind, meter: record.meter, account: record.account,
      amount: record.amount, state: state, attempts: record.attempts, lastError: record.lastError,
      createdAt: record.createdAt, expectedCount: record.purchaseCount)
  }
}

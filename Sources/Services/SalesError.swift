import Domain
import Foundation

/// Why a sale, refund or reversal was refused.
public enum SalesError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The operator's role lacks the permission, and no supervisor approved.
  case notAllowed(operator: String, permission: Permission)
  /// The approver's role lacks the permission too.
  case approverNotAllowed(approver: String, permission: Permission)
  /// No such meter.
  case unknownMeter(String)
  /// The meter has no account (未开户).
  case meterNotOpened(String)
  /// The meter's account is closed (销户).
  case accountClosed(String)
  /// The meter is disabled.
  case meterDisabled(String)
  /// The meter has never been read, so its purchase count and balance are unknown.
  case meterNeverRead(String)
  /// The amount must be above zero.
  case amountNotPositive
  /// The amount is larger than a token can carry.
  case amountTooLarge(Money)
  /// The sale would push the meter over the hoarding cap; at most `allowed` may be sold now.
  case overHoardingCap(allowed: Money)
  /// The meter holds less than the amount to take back.
  case exceedsBalance(available: Money)
  /// No such bill.
  case unknownBill(Int64)
  /// Only a sale can be reversed.
  case notASale(Int64)
  /// The sale has not been delivered to its meter (yet).
  case saleNotDelivered(Int64)
  /// The sale was already reversed.
  case alreadyReversed(Int64)

  /// A short English reason.
  public var description: String {
    switch self {
    case .notAllowed(let name, let permission):
      return
        "operator \"\(name)\" may not \(permission.rawValue) (\(permission.chineseName)); a supervisor must approve"
    case .approverNotAllowed(let name, let permission):
      return "approver \"\(name)\" may not approve \(permission.rawValue) (\(permission.chineseName))"
    case .unknownMeter(let meter): return "no meter \(meter)"
    case .meterNotOpened(let meter): return "meter \(meter) is not opened (未开户)"
    case .accountClosed(let meter): return "the account of meter \(meter) is closed (销户)"
    case .meterDisabled(let meter): return "meter \(meter) is disabled"
    case .meterNeverRead(let meter):
      return "meter \(meter) has never been read; its purchase count and balance are unknown"
    case .amountNotPositive: return "the amount must be above 0.00"
    case .amountTooLarge(let amount): return "amount \(amount) is too large for one recharge"
    case .overHoardingCap(let allowed):
      return "over the hoarding cap (最大囤积金额): at most \(allowed) can be sold now"
    case .exceedsBalance(let available): return "the meter holds only \(available)"
    case .unknownBill(let bill): return "no bill \(bill)"
    case .notASale(let bill): return "bill \(bill) is not a sale; only sales can be reversed"
    case .saleNotDelivered(let bill): return "sale \(bill) has not been delivered to its meter"
    case .alreadyReversed(let bill): return "sale \(bill) is already reversed"
    }
  }
}

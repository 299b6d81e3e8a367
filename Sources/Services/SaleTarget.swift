import Foundation
import Store

/// Why a sale's meter could not be chosen from a meter number or an account.
public enum SaleTargetError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Neither or both of meter and account were given.
  case meterOrAccount
  /// The account has no meter.
  case noMeters(account: String)
  /// The account has several meters; one must be named.
  case severalMeters(account: String, meters: [String])

  /// A short English reason.
  public var description: String {
    switch self {
    case .meterOrAccount: return "give exactly one of --meter or --account"
    case .noMeters(let account): return "account \(account) has no meters"
    case .severalMeters(let account, let meters):
      return
        "account \(account) has \(meters.count) meters (\(meters.joined(separator: ", "))); name one with --meter"
    }
  }
}

extension SalesService {
  /// The meter a sale goes to: the one named, or the account's only meter.
  public func target(meter: String?, account: String?) throws -> String {
    switch (meter, account) {
    case (let meter?, nil): return meter
    case (nil, let account?):
      let meters = try database.meterListing().filter { $0.account?.id == account }.map(\.meter.number)
      guard let first = meters.first else { throw SaleTargetError.noMeters(account: account) }
      guard meters.count == 1 else { throw SaleTargetError.severalMeters(account: account, meters: meters) }
      return first
    default: throw SaleTargetError.meterOrAccount
    }
  }
}

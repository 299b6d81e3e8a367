import Foundation

/// One accepted recharge in a simulated meter's log (the last 20 are kept).
public struct RechargeLogEntry: Sendable, Hashable, Codable {
  /// Simulated time the token was applied, Unix seconds.
  public var time: Int64
  /// The purchase count the token set.
  public var count: UInt16
  /// Amount added in fen (negative for a deduction).
  public var amountFen: Int64
  /// Remaining amount after the recharge, fen.
  public var balanceAfterFen: Int64

  /// Creates an entry.
  public init(time: Int64, count: UInt16, amountFen: Int64, balanceAfterFen: Int64) {
    self.time = time
    self.count = count
    self.amountFen = amountFen
    self.balanceAfterFen = balanceAfterFen
  }

  /// How many entries a meter keeps.
  public static let capacity = 20
}

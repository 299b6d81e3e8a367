/// The code a meter puts in its recharge result register after a token write.
public enum RechargeResult: UInt16, Sendable, CaseIterable, CustomStringConvertible {
  /// 0: the token was applied; amount added, count incremented.
  case accepted = 0
  /// 1: the token did not decrypt to a well-formed plaintext (CRC, reserved bytes, BCD, length).
  case badToken = 1
  /// 2: the token is well formed but addressed to another meter number.
  case wrongMeter = 2
  /// 3: the token's purchase count is not the meter's stored count + 1 (includes replays).
  case countMismatch = 3
  /// 4: a deduction (negative amount) larger than the meter's remaining amount.
  case insufficientBalance = 4

  /// Short English text for screens and logs.
  public var englishText: String {
    switch self {
    case .accepted: return "accepted"
    case .badToken: return "bad token"
    case .wrongMeter: return "wrong meter"
    case .countMismatch: return "purchase count mismatch"
    case .insufficientBalance: return "deduction larger than the remaining amount"
    }
  }

  /// Short Simplified Chinese text for screens and receipts.
  public var chineseText: String {
    switch self {
    case .accepted: return "充值成功"
    case .badToken: return "令牌无效"
    case .wrongMeter: return "表号不符"
    case .countMismatch: return "购电次数不符"
    case .insufficientBalance: return "扣减金额大于剩余金额"
    }
  }

  /// The English text.
  public var description: String { englishText }
}

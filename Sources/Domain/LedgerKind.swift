/// What a ledger entry records; each kind has a fixed sign of amount.
public enum LedgerKind: String, Sendable, Codable, CaseIterable {
  /// 售电: money sold onto a meter (positive).
  case sale
  /// 退电: money taken back off a meter and returned (negative).
  case refund
  /// 冲正: cancels an earlier sale (negative, exactly minus that sale).
  case reversal
  /// 老表转入: balance carried over from a replaced meter (positive).
  case transferIn = "transfer_in"
  /// 销户结算: the balance paid out when an account is closed (negative, or zero for nothing to pay).
  case closingSettlement = "closing_settlement"

  /// The Chinese label: 售电, 退电, 冲正, 老表转入 or 销户结算.
  public var chineseName: String {
    switch self {
    case .sale: "售电"
    case .refund: "退电"
    case .reversal: "冲正"
    case .transferIn: "老表转入"
    case .closingSettlement: "销户结算"
    }
  }

  /// The English label: Sale, Refund, Reversal, Transfer in or Closing settlement.
  public var englishName: String {
    switch self {
    case .sale: "Sale"
    case .refund: "Refund"
    case .reversal: "Reversal"
    case .transferIn: "Transfer in"
    case .closingSettlement: "Closing settlement"
    }
  }

  /// True for kinds that put money onto the meter (sale, transfer in), whose amounts are positive.
  public var creditsMeter: Bool {
    self == .sale || self == .transferIn
  }

  /// Whether `amount` has the sign this kind requires: positive for sale and transfer in, negative for
  /// refund and reversal, negative or zero for a closing settlement.
  public func accepts(_ amount: Money) -> Bool {
    switch self {
    case .sale, .transferIn: amount.isPositive
    case .refund, .reversal: amount.isNegative
    case .closingSettlement: !amount.isPositive
    }
  }
}

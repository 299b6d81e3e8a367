import Domain

/// Why a typed sale amount is not accepted.
public enum SaleAmountProblem: Error, Sendable, Hashable {
  /// Nothing typed.
  case empty
  /// Not a plain decimal number.
  case notANumber
  /// More than two decimals.
  case tooManyDecimals
  /// Zero or negative.
  case notPositive
  /// Over the hoarding cap: at most this much may be sold now.
  case overCap(allowed: Money)
  /// Larger than a recharge can carry.
  case tooLarge
}

/// The sale amount rules: positive, at most two decimals, at most the hoarding cap minus the balance.
public enum SaleValidation {
  /// The largest amount one recharge token carries (Int32 fen).
  public static let tokenLimit = Money(fen: Int64(Int32.max))

  /// The amount in `text`, or why it is refused.
  public static func check(_ text: String, allowed: Money?) -> Result<Money, SaleAmountProblem> {
    switch Money.parse(text, requirePositive: true) {
    case .failure(let error):
      switch error {
      case .empty: return .failure(.empty)
      case .tooManyDecimals, .tooManyDecimalPlaces: return .failure(.tooManyDecimals)
      case .notPositive, .negative: return .failure(.notPositive)
      case .overflow: return .failure(.tooLarge)
      case .notANumber: return .failure(.notANumber)
      }
    case .success(let money):
      if money > tokenLimit { return .failure(.tooLarge) }
      if let allowed, money > allowed { return .failure(.overCap(allowed: allowed)) }
      return .success(money)
    }
  }

  /// The problem in the operator's language.
  static func text(_ problem: SaleAmountProblem, strings: Strings) -> String {
    switch problem {
    case .empty: strings[SaleText.amountEmpty]
    case .notANumber: strings[SaleText.amountNotNumber]
    case .tooManyDecimals: strings[SaleText.amountDecimals]
    case .notPositive: strings[SaleText.amountNotPositive]
    case .overCap(let allowed): strings.format(SaleText.amountOverCap, allowed.grouped)
    case .tooLarge: strings[SaleText.amountTooLarge]
    }
  }
}

/// Why operator text could not be read as an amount, price or energy.
public enum MoneyParseError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Nothing but whitespace was typed.
  case empty
  /// The (trimmed) text is not a plain decimal number, e.g. "abc", "1e3", "--5", "1,00.00".
  case notANumber(String)
  /// An amount or energy with more than two decimals, e.g. "100.555".
  case tooManyDecimals
  /// A value with more decimals than its unit allows (prices allow four).
  case tooManyDecimalPlaces(allowed: Int)
  /// Zero where a positive amount is required.
  case notPositive
  /// A minus sign where negative values are not allowed.
  case negative
  /// The value does not fit in the underlying `Int64`.
  case overflow

  /// A short English reason, e.g. "more than two decimals".
  public var description: String {
    switch self {
    case .empty: "empty"
    case .notANumber(let text): "not a number: \"\(text)\""
    case .tooManyDecimals: "more than two decimals"
    case .tooManyDecimalPlaces(let allowed): "more than \(allowed) decimals"
    case .notPositive: "must be more than zero"
    case .negative: "must not be negative"
    case .overflow: "too large"
    }
  }
}

extension Money {
  /// Parses operator input in yuan: "100", "100.5", "100.50", "1,000.00", " 12.3 " (trimmed), "0.05".
  ///
  /// Refuses "1e3", "100.555", "", "abc", "1,00.00" (bad grouping), "--5", "+", ".5", "5.", amounts beyond
  /// `Int64` fen, and any minus sign unless `allowNegative` (so "-0" is `.negative` too). Zero is refused with
  /// `.notPositive` when `requirePositive`; negatives are governed by `allowNegative` alone.
  public static func parse(
    _ text: String, requirePositive: Bool = true, allowNegative: Bool = false
  ) -> Result<Money, MoneyParseError> {
    DecimalText.parse(
      text, scale: 2, requirePositive: requirePositive, allowNegative: allowNegative,
      tooManyDecimals: .tooManyDecimals
    ).map { Money(fen: $0) }
  }
}

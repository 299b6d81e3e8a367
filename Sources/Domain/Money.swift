/// An amount of money in fen (0.01 yuan), exact and signed; never a floating-point number.
///
/// Codable as its plain decimal string (`"1234.50"`), the same text used in JSON and CSV exports.
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The amount in fen (0.01 yuan); negative for money going out.
  public var fen: Int64

  /// Creates an amount from fen (0.01 yuan).
  public init(fen: Int64) {
    self.fen = fen
  }

  /// Zero yuan.
  public static let zero = Money(fen: 0)

  /// An amount of whole yuan; traps on overflow like `Int64` arithmetic.
  public static func yuan(_ y: Int64) -> Money {
    Money(fen: y * 100)
  }

  /// Plain text with two decimals and no grouping: "1234.50", "-3.05", "0.00"; used in JSON and CSV.
  public var decimalString: String {
    DecimalText.format(fen, scale: 2, grouped: false)
  }

  /// Text with thousands grouping and two decimals, "1,234.50", for screens and receipts.
  public var grouped: String {
    DecimalText.format(fen, scale: 2, grouped: true)
  }

  /// The same text as `decimalString`.
  public var description: String { decimalString }

  /// True when the amount is below zero.
  public var isNegative: Bool { fen < 0 }

  /// True when the amount is above zero.
  public var isPositive: Bool { fen > 0 }

  /// True when the amount is exactly zero.
  public var isZero: Bool { fen == 0 }

  /// Orders amounts by their value in fen.
  public static func < (lhs: Money, rhs: Money) -> Bool {
    lhs.fen < rhs.fen
  }

  /// Adds two amounts; traps on overflow. Use `adding(_:)` where overflow must be handled.
  public static func + (lhs: Money, rhs: Money) -> Money {
    Money(fen: lhs.fen + rhs.fen)
  }

  /// Subtracts two amounts; traps on overflow. Use `subtracting(_:)` where overflow must be handled.
  public static func - (lhs: Money, rhs: Money) -> Money {
    Money(fen: lhs.fen - rhs.fen)
  }

  /// Negates an amount; traps only for `Int64.min` fen. Use `negated()` where that must be handled.
  public static prefix func - (operand: Money) -> Money {
    Money(fen: -operand.fen)
  }

  /// Adds `rhs` to `lhs` in place; traps on overflow.
  public static func += (lhs: inout Money, rhs: Money) {
    lhs = lhs + rhs
  }

  /// Subtracts `rhs` from `lhs` in place; traps on overflow.
  public static func -= (lhs: inout Money, rhs: Money) {
    lhs = lhs - rhs
  }

  /// The sum of two amounts, or `MoneyError.overflow` when it does not fit in `Int64` fen.
  public func adding(_ other: Money) throws(MoneyError) -> Money {
    let (sum, overflow) = fen.addingReportingOverflow(other.fen)
    guard !overflow else { throw .overflow }
    return Money(fen: sum)
  }

  /// The difference of two amounts, or `MoneyError.overflow` when it does not fit in `Int64` fen.
  public func subtracting(_ other: Money) throws(MoneyError) -> Money {
    let (difference, overflow) = fen.subtractingReportingOverflow(other.fen)
    guard !overflow else { throw .overflow }
    return Money(fen: difference)
  }

  /// The amount times an integer factor, or `MoneyError.overflow` when it does not fit in `Int64` fen.
  public func multiplied(by factor: Int64) throws(MoneyError) -> Money {
    let (product, overflow) = fen.multipliedReportingOverflow(by: factor)
    guard !overflow else { throw .overflow }
    return Money(fen: product)
  }

  /// The opposite amount, or `MoneyError.overflow` for `Int64.min` fen.
  public func negated() throws(MoneyError) -> Money {
    try Money.zero.subtracting(self)
  }

  /// The absolute amount, or `MoneyError.overflow` for `Int64.min` fen.
  public func magnitude() throws(MoneyError) -> Money {
    isNegative ? try negated() : self
  }

  /// Decodes from the plain decimal string ("1234.50", "-3.05", "0"), refusing anything `parse` refuses.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    switch Money.parse(text, requirePositive: false, allowNegative: true) {
    case .success(let money): self = money
    case .failure(let error):
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "Money \"\(text)\": \(error.description)")
    }
  }

  /// Encodes as the plain decimal string, e.g. "1234.50".
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(decimalString)
  }
}

/// An arithmetic result that does not fit in `Int64` fen.
public enum MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The result is outside the range of `Int64` fen.
  case overflow

  /// A short English reason.
  public var description: String {
    switch self {
    case .overflow: "amount out of range"
    }
  }
}

extension Sequence where Element == Money {
  /// The checked sum of all amounts; `MoneyError.overflow` if any partial sum leaves `Int64` fen.
  public func sum() throws(MoneyError) -> Money {
    var total = Money.zero
    for amount in self {
      total = try total.adding(amount)
    }
    return total
  }
}

import Domain

/// A rational factor from a register's raw value to MeterDesk's canonical unit.
///
/// raw register value × numerator ÷ denominator = canonical value, rounded half-up once
/// (`Rounding.divideHalfUp`). Encoding goes the other way: raw = canonical × denominator ÷
/// numerator, half-up. Profiles write it as "1", "10" (raw × 10) or "1/10" (raw ÷ 10).
public struct Scale: Sendable, Hashable, CustomStringConvertible {
  /// What a raw value is multiplied by.
  public var numerator: Int64
  /// What the product is divided by.
  public var denominator: Int64

  /// Creates a scale of `numerator / denominator`.
  public init(numerator: Int64, denominator: Int64 = 1) {
    self.numerator = numerator
    self.denominator = denominator
  }

  /// The identity: the register already holds the canonical unit.
  public static let one = Scale(numerator: 1)

  /// The factors a profile may use for numerator and denominator.
  public static let allowedFactors: ClosedRange<Int64> = 1...1_000_000

  /// Parses "1", "10" or "1/10"; nil unless each part is a whole number in `allowedFactors`.
  public static func parse(_ text: String) -> Scale? {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
      .map { $0.trimmingCharacters(in: " \t") }
    guard (1...2).contains(parts.count) else { return nil }
    var factors: [Int64] = []
    for part in parts {
      guard !part.isEmpty, part.allSatisfy(\.isASCIIDigit), let value = Int64(part),
        allowedFactors.contains(value)
      else { return nil }
      factors.append(value)
    }
    return Scale(numerator: factors[0], denominator: factors.count == 2 ? factors[1] : 1)
  }

  /// "10", or "1/10" when there is a denominator.
  public var description: String {
    denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
  }

  /// The canonical value of an integer raw value, half-up; saturates instead of overflowing.
  ///
  /// A non-positive factor (never produced by the parser) leaves the value unchanged.
  public func apply(_ raw: Int64) -> Int64 {
    Self.mulDiv(raw, numerator, denominator)
  }

  /// The canonical value of a float raw value (an `f32` register pair); nil when not finite or too large.
  public func apply(_ raw: Double) -> Int64? {
    guard numerator > 0, denominator > 0 else { return Self.wholeNumber(raw) }
    return Self.wholeNumber(raw * Double(numerator) / Double(denominator))
  }

  /// The integer raw value that encodes `canonical`, half-up; saturates instead of overflowing.
  public func inverse(_ canonical: Int64) -> Int64 {
    Self.mulDiv(canonical, denominator, numerator)
  }

  /// The float raw value that encodes `canonical` in an `f32` register pair.
  public func inverseFloat(_ canonical: Int64) -> Double {
    guard numerator > 0, denominator > 0 else { return Double(canonical) }
    return Double(canonical) * Double(denominator) / Double(numerator)
  }

  private static func mulDiv(_ value: Int64, _ multiplier: Int64, _ divisor: Int64) -> Int64 {
    guard multiplier > 0, divisor > 0 else { return value }
    let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
    if overflow { return value < 0 ? .min : .max }
    return Rounding.divideHalfUp(product, by: divisor)
  }

  private static func wholeNumber(_ value: Double) -> Int64? {
    guard value.isFinite else { return nil }
    let rounded = value.rounded(.toNearestOrAwayFromZero)
    guard rounded >= -9.2e18, rounded <= 9.2e18 else { return nil }
    return Int64(rounded)
  }
}

extension Character {
  /// True for the ASCII digits 0–9 only.
  var isASCIIDigit: Bool { ("0"..."9").contains(self) && isASCII }
}

extension StringProtocol {
  /// The text without leading and trailing characters from `set`.
  func trimmingCharacters(in set: String) -> String {
    let trimmedFront = drop { set.contains($0) }
    return String(trimmedFront.reversed().drop { set.contains($0) }.reversed())
  }
}

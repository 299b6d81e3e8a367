/// An amount of active energy in 0.01 kWh, exact and signed.
///
/// Codable as its decimal string in kWh ("123.45").
public struct Energy: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The energy in hundredths of a kilowatt-hour.
  public var centiKWh: Int64

  /// Creates an energy from hundredths of a kilowatt-hour.
  public init(centiKWh: Int64) {
    self.centiKWh = centiKWh
  }

  /// No energy.
  public static let zero = Energy(centiKWh: 0)

  /// Whole kilowatt-hours; traps on overflow like `Int64` arithmetic.
  public static func kWh(_ k: Int64) -> Energy {
    Energy(centiKWh: k * 100)
  }

  /// kWh with two decimals and no grouping: "123.45", "0.00".
  public var decimalString: String {
    DecimalText.format(centiKWh, scale: 2, grouped: false)
  }

  /// The same text as `decimalString`.
  public var description: String { decimalString }

  /// Orders energies by value.
  public static func < (lhs: Energy, rhs: Energy) -> Bool {
    lhs.centiKWh < rhs.centiKWh
  }

  /// Adds two energies; traps on overflow.
  public static func + (lhs: Energy, rhs: Energy) -> Energy {
    Energy(centiKWh: lhs.centiKWh + rhs.centiKWh)
  }

  /// Subtracts two energies; traps on overflow.
  public static func - (lhs: Energy, rhs: Energy) -> Energy {
    Energy(centiKWh: lhs.centiKWh - rhs.centiKWh)
  }

  /// Parses kWh text with up to two decimals ("123.45", "1,234.5", "0"); zero allowed, negatives refused.
  public static func parse(_ text: String) -> Result<Energy, MoneyParseError> {
    DecimalText.parse(
      text, scale: 2, requirePositive: false, allowNegative: false, tooManyDecimals: .tooManyDecimals
    ).map { Energy(centiKWh: $0) }
  }

  /// Decodes from the decimal string in kWh, refusing anything `parse` refuses except a minus sign.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    let parsed = DecimalText.parse(
      text, scale: 2, requirePositive: false, allowNegative: true, tooManyDecimals: .tooManyDecimals)
    switch parsed {
    case .success(let value): self.init(centiKWh: value)
    case .failure(let error):
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "Energy \"\(text)\": \(error.description)")
    }
  }

  /// Encodes as the decimal string in kWh, e.g. "123.45".
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(decimalString)
  }
}

/// A unit price of energy in 0.0001 yuan per kWh.
///
/// Codable as its decimal string in yuan/kWh ("0.8500").
public struct Price: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The price in ten-thousandths of a yuan per kilowatt-hour.
  public var tenThousandthsYuanPerKWh: Int64

  /// Creates a price from ten-thousandths of a yuan per kWh (8500 is 0.85 yuan/kWh).
  public init(tenThousandthsYuanPerKWh: Int64) {
    self.tenThousandthsYuanPerKWh = tenThousandthsYuanPerKWh
  }

  /// Free energy.
  public static let zero = Price(tenThousandthsYuanPerKWh: 0)

  /// Yuan per kWh with four decimals: "0.8500".
  public var decimalString: String {
    DecimalText.format(tenThousandthsYuanPerKWh, scale: 4, grouped: false)
  }

  /// The same text as `decimalString`.
  public var description: String { decimalString }

  /// Orders prices by value.
  public static func < (lhs: Price, rhs: Price) -> Bool {
    lhs.tenThousandthsYuanPerKWh < rhs.tenThousandthsYuanPerKWh
  }

  /// Parses yuan/kWh text with up to four decimals ("0.85", "0.8500", "1.2"); zero allowed, negatives refused.
  public static func parse(_ text: String) -> Result<Price, MoneyParseError> {
    DecimalText.parse(
      text, scale: 4, requirePositive: false, allowNegative: false,
      tooManyDecimals: .tooManyDecimalPlaces(allowed: 4)
    ).map { Price(tenThousandthsYuanPerKWh: $0) }
  }

  /// Decodes from the decimal string in yuan/kWh, refusing anything `parse` refuses.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    switch Price.parse(text) {
    case .success(let price): self = price
    case .failure(let error):
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "Price \"\(text)\": \(error.description)")
    }
  }

  /// Encodes as the decimal string in yuan/kWh, e.g. "0.8500".
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(decimalString)
  }
}

/// The exact cost of energy at a price in millionths of a yuan (10^-4 fen), before any rounding.
///
/// 0.01 kWh × 0.0001 yuan/kWh = 10^-6 yuan. Traps on overflow (beyond ~9.2 × 10^12 yuan).
func exactMicroYuan(of energy: Energy, at price: Price) -> Int64 {
  energy.centiKWh * price.tenThousandthsYuanPerKWh
}

/// Millionths of a yuan in one fen.
let microYuanPerFen: Int64 = 10_000

/// The cost in fen of `energy` at `price`, rounded half-up once.
///
/// Units: 0.01 kWh × 0.0001 yuan/kWh = 10^-6 yuan = 10^-4 fen, so fen = centiKWh × price ÷ 10 000, half-up.
/// 1.00 kWh at 0.8500 is 0.85 yuan; 0.01 kWh at 0.8500 is 0.0085 yuan → 0.01 (half-up of 0.85 fen).
public func cost(of energy: Energy, at price: Price) -> Money {
  Money(fen: Rounding.divideHalfUp(exactMicroYuan(of: energy, at: price), by: microYuanPerFen))
}

/// A receipt's bill number (票号): unique and increasing per site, printed zero-padded to eight digits.
///
/// Codable as the plain integer.
public struct BillNumber: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The number itself (1, 2, 3 …).
  public var value: Int64

  /// Creates a bill number from its value.
  public init(_ value: Int64) {
    self.value = value
  }

  /// Reads digits such as "00000042" or "42" (surrounding whitespace allowed); nil for anything else,
  /// including signs, negative numbers and values beyond `Int64`.
  public init?(_ text: String) {
    let trimmed = DecimalText.trimmingWhitespace(text)
    guard !trimmed.isEmpty, trimmed.allSatisfy(DecimalText.isASCIIDigit), let value = Int64(trimmed) else {
      return nil
    }
    self.value = value
  }

  /// The number zero-padded to eight digits ("00000042"); longer numbers print in full.
  public var description: String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
  }

  /// The low 32 bits, as carried in the recharge token.
  public var low32: UInt32 {
    UInt32(truncatingIfNeeded: value)
  }

  /// Orders bill numbers by value.
  public static func < (lhs: BillNumber, rhs: BillNumber) -> Bool {
    lhs.value < rhs.value
  }

  /// Decodes the plain integer.
  public init(from decoder: any Decoder) throws {
    self.init(try decoder.singleValueContainer().decode(Int64.self))
  }

  /// Encodes the plain integer.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(value)
  }
}

/// Hands out the site's bill numbers in order, starting after the last one issued.
public struct BillNumberSequence: Sendable, Hashable {
  /// The most recently issued bill number; nil before the first.
  public private(set) var last: BillNumber?

  /// Continues after `last`; with nil, the first number issued is 00000001.
  public init(last: BillNumber?) {
    self.last = last
  }

  /// Issues the next bill number (last + 1, or 1 for the first); traps past `Int64.max`.
  public mutating func next() -> BillNumber {
    let number = BillNumber((last?.value ?? 0) + 1)
    last = number
    return number
  }
}

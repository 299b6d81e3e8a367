/// Fixed-point decimal text shared by `Money`, `Price` and `Energy`: parsing and formatting.
enum DecimalText {
  /// Parses `text` as a fixed-point number with at most `scale` decimals and returns it in units of 10^-scale.
  ///
  /// Grammar (after trimming whitespace): an optional `+` or `-`, one or more ASCII digits optionally grouped
  /// by commas in threes (`1,234,567`), then optionally `.` followed by 1...`scale` digits.
  /// Checks run in this order: syntax, decimals, overflow, sign (`negative`), zero (`notPositive`).
  static func parse(
    _ text: String, scale: Int, requirePositive: Bool, allowNegative: Bool,
    tooManyDecimals: MoneyParseError
  ) -> Result<Int64, MoneyParseError> {
    let trimmed = trimmingWhitespace(text)
    guard !trimmed.isEmpty else { return .failure(.empty) }
    let notANumber = MoneyParseError.notANumber(trimmed)

    var characters = Substring(trimmed)
    var negative = false
    if let first = characters.first, first == "-" || first == "+" {
      negative = first == "-"
      characters = characters.dropFirst()
    }
    let parts = characters.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 1 || parts.count == 2 else { return .failure(notANumber) }
    let integerText = parts[0]
    let fractionText = parts.count == 2 ? parts[1] : ""
    guard let integerDigits = ungroupedDigits(integerText) else { return .failure(notANumber) }
    if parts.count == 2 {
      guard !fractionText.isEmpty, fractionText.allSatisfy(isASCIIDigit) else {
        return .failure(notANumber)
      }
      guard fractionText.count <= scale else { return .failure(tooManyDecimals) }
    }

    var value: Int64 = 0
    let paddedFraction = Array(fractionText) + Array(repeating: "0", count: scale - fractionText.count)
    for character in integerDigits + paddedFraction {
      guard let digit = character.wholeNumberValue else { return .failure(notANumber) }
      let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflowB) = shifted.addingReportingOverflow(Int64(digit))
      guard !overflowA, !overflowB else { return .failure(.overflow) }
      value = sum
    }
    if negative {
      guard allowNegative else { return .failure(.negative) }
      value = -value
    }
    if requirePositive && value == 0 { return .failure(.notPositive) }
    return .success(value)
  }

  /// Formats `value` (in units of 10^-scale) with exactly `scale` decimals, optionally grouping thousands.
  static func format(_ value: Int64, scale: Int, grouped: Bool) -> String {
    var digits = String(value.magnitude)
    if digits.count <= scale {
      digits = String(repeating: "0", count: scale - digits.count + 1) + digits
    }
    let integerPart = digits.dropLast(scale)
    let fractionPart = digits.suffix(scale)
    var integerText = String(integerPart)
    if grouped {
      var groups: [Substring] = []
      var rest = integerPart
      while rest.count > 3 {
        groups.insert(rest.suffix(3), at: 0)
        rest = rest.dropLast(3)
      }
      groups.insert(rest, at: 0)
      integerText = groups.joined(separator: ",")
    }
    let sign = value < 0 ? "-" : ""
    return scale == 0 ? sign + integerText : sign + integerText + "." + fractionPart
  }

  /// Removes leading and trailing Unicode whitespace (including the ideographic space U+3000).
  static func trimmingWhitespace(_ text: String) -> String {
    guard let start = text.firstIndex(where: { !$0.isWhitespace }),
      let end = text.lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(text[start...end])
  }

  /// True for the ASCII digits 0-9 only (not full-width or other scripts' digits).
  static func isASCIIDigit(_ character: Character) -> Bool {
    character.isASCII && character.isNumber
  }

  /// The digits of an integer part, either plain ("1234") or grouped in threes ("1,234"); nil if malformed.
  private static func ungroupedDigits(_ text: Substring) -> [Character]? {
    let groups = text.split(separator: ",", omittingEmptySubsequences: false)
    guard let first = groups.first, !first.isEmpty else { return nil }
    for (index, group) in groups.enumerated() {
      guard group.allSatisfy(isASCIIDigit) else { return nil }
      if index == 0 {
        if groups.count > 1 && group.count > 3 { return nil }
      } else if group.count != 3 {
        return nil
      }
    }
    return groups.flatMap { Array($0) }
  }
}

/// Amounts written in Chinese accounting capitals (大写金额), as printed on receipts.
public enum ChineseCapitals {
  private static let digits: [String] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]
  private static let placeUnits: [String] = ["", "拾", "佰", "仟"]
  /// Units of successive four-digit groups: ones, 万 (10^4), 亿 (10^8), 万亿 (10^12), 亿亿 (10^16).
  private static let groupUnits: [String] = ["", "万", "亿", "万亿", "亿亿"]

  /// Writes `money` in accounting capitals.
  ///
  /// 0 → 零元整, 100.00 → 壹佰元整, 1010.50 → 壹仟零壹拾元伍角, 100000.07 → 壹拾万元零柒分, 0.05 → 伍分,
  /// 0.50 → 伍角, 1.05 → 壹元零伍分, 10.5 → 壹拾元伍角, 100010000.00 → 壹亿零壹万元整, 1000000 → 壹佰万元整,
  /// 10000.01 → 壹万元零壹分, 123456789.12 → 壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分, −5.00 → 负伍元整.
  ///
  /// Rules: the integer part ends in 元, and 元整 when there is no fraction; 角 alone is written "元伍角"
  /// (without 整); 分 without 角 after a non-zero integer part is "元零伍分"; an integer part of zero writes
  /// only the fraction. Runs of zeros inside the integer collapse to one 零, an all-zero 万 group is skipped,
  /// and a leading ten is 壹拾. Negative amounts take the prefix 负.
  public static func amount(_ money: Money) -> String {
    let magnitude = money.fen.magnitude  // UInt64, so Int64.min is fine
    let yuan = magnitude / 100
    let jiao = Int((magnitude / 10) % 10)
    let fen = Int(magnitude % 10)
    let sign = money.isNegative ? "负" : ""

    guard yuan > 0 else {
      if jiao == 0 && fen == 0 { return "零元整" }
      var text = sign
      if jiao > 0 { text += digits[jiao] + "角" }
      if fen > 0 { text += digits[fen] + "分" }
      return text
    }
    var text = sign + integerPart(yuan) + "元"
    switch (jiao, fen) {
    case (0, 0): text += "整"
    case (0, _): text += "零" + digits[fen] + "分"
    case (_, 0): text += digits[jiao] + "角"
    default: text += digits[jiao] + "角" + digits[fen] + "分"
    }
    return text
  }

  /// Capitals for a positive integer, without the trailing 元.
  private static func integerPart(_ value: UInt64) -> String {
    var groups: [Int] = []  // four-digit groups, least significant first
    var rest = value
    while rest > 0 {
      groups.append(Int(rest % 10_000))
      rest /= 10_000
    }
    var text = ""
    var skippedZeroGroup = false
    for index in groups.indices.reversed() {
      let group = groups[index]
      if group == 0 {
        if !text.isEmpty { skippedZeroGroup = true }
        continue
      }
      // One 零 bridges a gap: a skipped all-zero group or leading zeros inside this group.
      if !text.isEmpty && (skippedZeroGroup || group < 1000) { text += "零" }
      text += groupText(group) + groupUnits[index]
      skippedZeroGroup = false
    }
    return text
  }

  /// Capitals for 1...9999 with inner zeros collapsed and trailing zeros dropped (1010 → 壹仟零壹拾).
  private static func groupText(_ group: Int) -> String {
    var text = ""
    var pendingZero = false
    for place in stride(from: 3, through: 0, by: -1) {
      var divisor = 1
      for _ in 0..<place { divisor *= 10 }
      let digit = (group / divisor) % 10
      if digit == 0 {
        if !text.isEmpty { pendingZero = true }
        continue
      }
      if pendingZero { text += "零" }
      text += digits[digit] + placeUnits[place]
      pendingZero = false
    }
    return text
  }
}

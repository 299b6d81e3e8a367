import Domain
import Foundation
import TerminalUI

/// Number, age and width formatting shared by the screens.
enum Format {
  /// The age of a reading: "12s", "5m", "3h", "2d" (or 12秒 …), "—" when never read.
  static func age(since date: Date?, now: Date, strings: Strings) -> String {
    guard let date else { return strings[CommonText.never] }
    let seconds = max(0, Int(now.timeIntervalSince(date)))
    if seconds < 60 { return strings.format(CommonText.ageSeconds, "\(seconds)") }
    if seconds < 3600 { return strings.format(CommonText.ageMinutes, "\(seconds / 60)") }
    if seconds < 86_400 { return strings.format(CommonText.ageHours, "\(seconds / 3600)") }
    return strings.format(CommonText.ageDays, "\(seconds / 86_400)")
  }

  /// An amount with grouping and the currency: "1,234.50 元" or "¥1,234.50"; "—" when unknown.
  static func yuan(_ money: Money?, strings: Strings) -> String {
    guard let money else { return strings[CommonText.never] }
    return strings.format(CommonText.yuan, money.grouped)
  }

  /// A fixed-point value: 2201 with scale 1 is "220.1"; "—" when unknown.
  static func fixed(_ value: Int64?, scale: Int, unit: String, strings: Strings) -> String {
    guard let value else { return strings[CommonText.never] }
    var divisor: Int64 = 1
    for _ in 0..<scale { divisor *= 10 }
    let magnitude = value.magnitude
    let whole = magnitude / UInt64(divisor)
    var text = (value < 0 ? "-" : "") + "\(whole)"
    if scale > 0 {
      let fraction = String(magnitude % UInt64(divisor))
      text += "." + String(repeating: "0", count: scale - fraction.count) + fraction
    }
    return unit.isEmpty ? text : text + " " + unit
  }

  /// An integer with thousands separators: 12345 → "12,345".
  static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (index, character) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return (value < 0 ? "-" : "") + result
  }

  /// Milliseconds with one decimal, "12.3"; "—" when unknown.
  static func millis(_ value: Double?, strings: Strings) -> String {
    guard let value, value.isFinite else { return strings[CommonText.never] }
    return fixed(Int64((value * 10).rounded()), scale: 1, unit: "", strings: strings)
  }

  /// Cells `text` takes on a terminal (CJK counts two), measured by the buffer's own rules.
  static func cells(_ text: String) -> Int {
    var scratch = Buffer(size: Size(width: 512, height: 1))
    return scratch.write(text, x: 0, y: 0, role: .normal)
  }
}
